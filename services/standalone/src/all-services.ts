import { IntakeModule } from '@reprisals/intake';
import { ReportingModule } from '@reprisals/reporting';
import { StateCommunicationModule } from '@reprisals/state-communication';
import { VerificationModule } from '@reprisals/verification';
import type { ServiceModuleFactory } from '@reprisals/service-platform';

/** The four services, as the standalone host runs them side by side. */
export const ALL_SERVICES: ServiceModuleFactory[] = [
  (options) => IntakeModule.register(options),
  (options) => VerificationModule.register(options),
  (options) => StateCommunicationModule.register(options),
  (options) => ReportingModule.register(options),
];
