import { AuditCheckpointSigned } from '@reprisals/contracts';
import { auditWitnessSubscriptions } from './audit-witness.subscriptions';

describe('auditWitnessSubscriptions', () => {
  it('given the services a witness keeps, when subscribed, then one subscription per chain, under stable names', () => {
    const subscriptions = auditWitnessSubscriptions({
      witness: 'reporting',
      of: ['intake', 'verification', 'state-communication'],
    });

    expect(subscriptions.map((subscription) => [subscription.name, subscription.event])).toEqual([
      ['keep-audit-checkpoint-intake', AuditCheckpointSigned.intake],
      ['keep-audit-checkpoint-verification', AuditCheckpointSigned.verification],
      ['keep-audit-checkpoint-state-communication', AuditCheckpointSigned['state-communication']],
    ]);
  });

  it('given a service named as the witness of its own chain, when subscribed, then it is refused', () => {
    expect(() => auditWitnessSubscriptions({ witness: 'intake', of: ['reporting', 'intake'] })).toThrow(
      'intake cannot witness its own audit chain',
    );
  });
});
