import { flagProtectionRisk, isWithheld, liftProtectionRisk, ProtectionRefused } from './protection-risk';

const context = { caseId: 'case-1', now: new Date('2026-05-02T10:00:00Z') };

describe('protection risk flag', () => {
  it('given no flag, when flagged, then the case is withheld at version 1', () => {
    const flagged = flagProtectionRisk(undefined, { level: 'high', reason: 'person-in-detention' }, context);
    expect(flagged).toMatchObject({ version: 1, kind: 'flagged', level: 'high' });
    expect(isWithheld(flagged)).toBe(true);
  });

  it('given a flag, when re-levelled and then lifted, then each step is a new version and the case is released', () => {
    const first = flagProtectionRisk(undefined, { level: 'moderate', reason: 'family-at-risk' }, context);
    const second = flagProtectionRisk(first, { level: 'severe', reason: 'family-at-risk' }, context);
    const lifted = liftProtectionRisk(second, context);
    expect([second.version, lifted.version]).toEqual([2, 3]);
    expect(isWithheld(lifted)).toBe(false);
    expect(first.level).toBe('moderate');
  });

  it('given no flag in force, when lifted, then it is refused', () => {
    expect(() => liftProtectionRisk(undefined, context)).toThrow(ProtectionRefused);
    const lifted = liftProtectionRisk(
      flagProtectionRisk(undefined, { level: 'high', reason: 'other' }, context),
      context,
    );
    expect(() => liftProtectionRisk(lifted, context)).toThrow(ProtectionRefused);
  });
});
