import { CASE_COMMUNICATION_KINDS, COMMUNICATION_LANGUAGES } from '@reprisals/contracts';
import { unStateName } from '@reprisals/un-states';
import { CommunicationTemplates } from './communication-templates';

const templates = new CommunicationTemplates();
const facts = {
  acts: [
    { type: 'travel-ban', occurredOn: '2026-04-28', online: false },
    { type: 'online-harassment', occurredOn: null, online: true },
  ],
  cooperation: { mechanism: 'treaty-body', category: 'a' },
};

describe('the templates of communications', () => {
  it.each(
    CASE_COMMUNICATION_KINDS.flatMap((kind) =>
      COMMUNICATION_LANGUAGES.map((language) => [kind, language] as const),
    ),
  )(
    'given the %s template in %s, when drafted, then every placeholder is filled from the case’s facts',
    (kind, language) => {
      const { subject, body } = templates.render(kind, language, {
        reference: 'REP-2026-000042',
        stateConcerned: 'BLR',
        replyDays: 60,
        facts,
      });
      expect(subject).toContain('REP-2026-000042');
      expect(`${subject}\n${body}`).not.toMatch(/\{\{|\}\}/);
      expect(body).toContain('60');
      expect(body.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
      if (kind === 'note-verbale') expect(body).toContain(unStateName('BLR', language));
    },
  );

  it.each(COMMUNICATION_LANGUAGES)(
    'given the call for input in %s, when drafted, then it names the State and the period and nothing of any case',
    (language) => {
      const { subject, body } = templates.renderCallForInput(language, {
        reference: 'CFI-2026-05-01-2027-04-30',
        stateConcerned: 'NIC',
        replyDays: 45,
        periodFrom: '2026-05-01',
        periodTo: '2027-04-30',
      });
      expect(subject).toContain('CFI-2026-05-01-2027-04-30');
      expect(`${subject}\n${body}`).not.toMatch(/\{\{|\}\}/);
      expect(body).toContain(unStateName('NIC', language));
      expect(body).toContain('2026-05-01');
      expect(body).toContain('2027-04-30');
      expect(body).toContain('45');
    },
  );

  it('given English, when drafted, then codes read as words', () => {
    const { body } = templates.render('allegation-letter', 'en', {
      reference: 'REP-2026-000042',
      stateConcerned: 'BLR',
      replyDays: 60,
      facts,
    });
    expect(body).toContain('- travel ban, on or from 2026-04-28\n- online harassment (online)');
    expect(body).toContain('cooperated with a treaty body (paragraph 4 (a)');
  });
});
