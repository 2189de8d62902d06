import { declaredTypeBorneOutByContent, type SealedFileFormRules } from '@reprisals/sealed-files';
import type { EvidenceStorageConfig } from './evidence-storage.config';

export const DESCRIPTION_PART = 'description';
export const DESCRIPTION_MAX_CHARACTERS = 2000;

/**
 * What an evidence upload may hold: one `file` part of a type of ATTACHMENT_CONTENT_TYPES,
 * declared and borne out by its first bytes, at most ATTACHMENT_MAX_BYTES, and an optional
 * `description` text part.
 */
export function evidenceFormRules(config: EvidenceStorageConfig): SealedFileFormRules {
  return {
    maxBytes: config.maxBytes,
    content: declaredTypeBorneOutByContent(config.contentTypes),
    textParts: { [DESCRIPTION_PART]: { maxCharacters: DESCRIPTION_MAX_CHARACTERS } },
  };
}
