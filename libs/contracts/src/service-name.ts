export const SERVICE_NAMES = ['intake', 'verification', 'state-communication', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
