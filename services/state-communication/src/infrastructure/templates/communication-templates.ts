import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import {
  COMMUNICATION_KINDS,
  COMMUNICATION_LANGUAGES,
  type CaseCommunicationKind,
  type CommunicationLanguage,
} from '@reprisals/contracts';
import { unStateName } from '@reprisals/un-states';
import type { CaseFacts } from '../../domain/communication/case-facts';

/** Where the templates live: `<kind>.<language>.hbs` (first line the subject) and `labels.<language>.yaml`. */
export const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '../../../templates');

interface Labels {
  acts: Record<string, string>;
  mechanisms: Record<string, string>;
}

/**
 * Drafts the text of a communication from its template (Handlebars, strict: a placeholder the
 * template names and the draft lacks is an error, not an empty gap). Every template and label
 * file is read and compiled at start, so a missing one stops the start.
 */
export class CommunicationTemplates {
  private readonly templates = new Map<string, Handlebars.TemplateDelegate>();
  private readonly labels = new Map<CommunicationLanguage, Labels>();

  constructor(directory = DEFAULT_TEMPLATES_DIR) {
    for (const language of COMMUNICATION_LANGUAGES) {
      this.labels.set(
        language,
        parseYaml(readFileSync(join(directory, `labels.${language}.yaml`), 'utf8')) as Labels,
      );
      for (const kind of COMMUNICATION_KINDS) {
        const text = readFileSync(join(directory, `${kind}.${language}.hbs`), 'utf8');
        this.templates.set(`${kind}.${language}`, Handlebars.compile(text, { strict: true, noEscape: true }));
      }
    }
  }

  /** A letter about a case, from the case's non-identifying facts. */
  render(
    kind: CaseCommunicationKind,
    language: CommunicationLanguage,
    draft: { reference: string; stateConcerned: string; replyDays: number; facts: CaseFacts },
  ): { subject: string; body: string } {
    const labels = this.labels.get(language)!;
    const text = this.templates.get(`${kind}.${language}`)!({
      reference: draft.reference,
      stateName: unStateName(draft.stateConcerned, language) ?? draft.stateConcerned,
      replyDays: draft.replyDays,
      cooperation: draft.facts.cooperation
        ? {
            mechanism:
              labels.mechanisms[draft.facts.cooperation.mechanism] ?? draft.facts.cooperation.mechanism,
            category: draft.facts.cooperation.category,
          }
        : false,
      acts: draft.facts.acts.map((act) => ({ ...act, type: labels.acts[act.type] ?? act.type })),
    });
    return subjectAndBody(text);
  }

  /** The call for input of a reporting period to one State: nothing of any case in it. */
  renderCallForInput(
    language: CommunicationLanguage,
    draft: {
      reference: string;
      stateConcerned: string;
      replyDays: number;
      periodFrom: string;
      periodTo: string;
    },
  ): { subject: string; body: string } {
    return subjectAndBody(
      this.templates.get(`call-for-input.${language}`)!({
        ...draft,
        stateName: unStateName(draft.stateConcerned, language) ?? draft.stateConcerned,
      }),
    );
  }
}

/** A drafted text's first line is its subject, the rest its body (blank runs folded). */
function subjectAndBody(text: string): { subject: string; body: string } {
  const [subject = '', ...rest] = text.split('\n');
  return {
    subject: subject.trim(),
    body: rest
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  };
}
