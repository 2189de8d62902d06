import { startTelemetry } from '@reprisals/observability';

/** Imported first by main.ts, so the instrumentations patch http and pg before they load. */
export const telemetry = startTelemetry({ serviceName: 'state-communication' });
