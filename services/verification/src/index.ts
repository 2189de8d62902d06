export { VerificationModule } from './verification.module';
export { VERIFICATION_SCHEMA } from './infrastructure/persistence/verification-data-source';
export { ProtocolTimers } from './infrastructure/timers/protocol-timers';
