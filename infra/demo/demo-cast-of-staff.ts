import type { DemoActor } from './demo-client';

/**
 * The UN staff and Missions the demonstration acts as: fictional accounts of each lead entity,
 * two supervisors (four eyes), and each fictional State's Permanent Mission.
 */
export const staff = {
  intakeOfficer: (entity: string): DemoActor => ({
    role: 'intake-officer',
    entity,
    sub: `demo-intake-${entity.toLowerCase()}`,
  }),
  officer: (entity: string): DemoActor => ({
    role: 'verification-officer',
    entity,
    sub: `demo-officer-${entity.toLowerCase()}`,
  }),
  /** Approves conclusions and response actions. */
  supervisor: (entity: string): DemoActor => ({
    role: 'supervisor',
    entity,
    sub: `demo-supervisor-${entity.toLowerCase()}`,
  }),
  /** Approves letters: another supervisor than the one who approved the action. */
  letterSupervisor: (entity: string): DemoActor => ({
    role: 'supervisor',
    entity,
    sub: `demo-letters-supervisor-${entity.toLowerCase()}`,
  }),
  liaison: (entity: string): DemoActor => ({
    role: 'state-liaison',
    entity,
    sub: `demo-liaison-${entity.toLowerCase()}`,
  }),
  mission: (state: string): DemoActor => ({
    role: 'state-mission',
    entity: state,
    sub: `demo-mission-${state.toLowerCase()}`,
  }),
  analyst: (): DemoActor => ({ role: 'reporting-analyst', entity: 'OHCHR', sub: 'demo-analyst' }),
  admin: (): DemoActor => ({ role: 'admin', entity: 'OHCHR', sub: 'demo-admin' }),
};
