import { parseYamlPolicy, PolicyFileError } from '@reprisals/service-platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_COMMUNICATION_POLICY_DIR,
  loadCommunicationPolicies,
} from '../../infrastructure/policy/communication-policies';
import { communicationPolicyDocumentSchema } from './communication-policy.schema';

const [v1] = loadCommunicationPolicies();
const v1Text = readFileSync(join(DEFAULT_COMMUNICATION_POLICY_DIR, 'state-communication.v1.yaml'), 'utf8');

describe('the rules of communications with States', () => {
  it('given an allegation letter sent on 1 December, when scheduled, then the deadline, reminders and missed deadline follow the policy', () => {
    const schedule = v1!.scheduleFor('allegation-letter', new Date('2026-12-01T15:30:00Z'));
    expect(schedule).toEqual({
      sentAt: '2026-12-01T15:30:00.000Z',
      replyDueOn: '2027-01-30',
      reminders: [
        { number: 1, when: 'before', dueAt: '2027-01-16T00:00:00.000Z' },
        { number: 2, when: 'after', dueAt: '2027-02-06T00:00:00.000Z' },
      ],
      deadlineMissedAt: '2027-02-14T00:00:00.000Z',
      policyVersion: 'state-communication/v1',
    });
  });

  it('given an urgent appeal, when scheduled, then its deadline is shorter than an allegation letter’s', () => {
    const sent = new Date('2026-12-01T09:00:00Z');
    expect(
      v1!.scheduleFor('urgent-appeal', sent).replyDueOn <
        v1!.scheduleFor('allegation-letter', sent).replyDueOn,
    ).toBe(true);
  });

  it('given the response actions of verification, when mapped, then each State-facing one has its kind', () => {
    expect(v1!.kindFor('private-engagement')).toBe('note-verbale');
    expect(v1!.kindFor('urgent-appeal')).toBe('urgent-appeal');
    expect(v1!.kindFor('hrc-president-good-offices')).toBe('hrc-president-letter');
    expect(v1!.kindFor('monitoring')).toBeUndefined();
  });

  it('given a reminder after silence is already a missed deadline, when parsed, then the line is named', () => {
    const broken = v1Text.replace('      - { when: after, days: 1 }', '      - { when: after, days: 5 }');
    expect(() => parseYamlPolicy(broken, communicationPolicyDocumentSchema, 'test.yaml')).toThrow(
      PolicyFileError,
    );
    try {
      parseYamlPolicy(broken, communicationPolicyDocumentSchema, 'test.yaml');
    } catch (error) {
      const line = broken.split('\n').findIndex((text) => text.includes('days: 5 }')) + 1;
      expect((error as PolicyFileError).problems).toEqual([
        `line ${line}: kinds.urgent-appeal.reminders.1.days: a reminder after the deadline must come before silence is a missed deadline`,
      ]);
    }
  });
});
