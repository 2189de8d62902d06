export { StateCommunicationModule } from './state-communication.module';
export { STATE_COMMUNICATION_SCHEMA } from './infrastructure/persistence/state-communication-data-source';
export { CommunicationTimers } from './infrastructure/timers/communication-timers';
