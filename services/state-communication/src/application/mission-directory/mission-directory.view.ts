import type { UnState, UnStateStatus } from '@reprisals/un-states';
import type { MissionContact, MissionContactChange } from '../../domain/mission-directory/mission-contact';

/** A State and where communications to its Permanent Mission go. */
export interface MissionDirectoryEntry {
  /** ISO 3166-1 alpha-3. */
  code: string;
  /** The English short name. */
  name: string;
  nameFr: string | null;
  nameEs: string | null;
  status: UnStateStatus;
  /** Null only for a State listed after the directory was seeded, until an admin sets it. */
  email: string | null;
  /** True until an admin sets the Mission's real address. */
  placeholder: boolean;
  updatedAt: string | null;
  /** The admin who set the address (token subject); null for a placeholder never changed. */
  updatedBy: string | null;
}

export interface MissionContactChangeView {
  id: string;
  state: string;
  previousEmail: string | null;
  email: string;
  note: string | null;
  changedBy: string;
  changedAt: string;
}

export function missionDirectoryEntry(
  state: UnState,
  contact: MissionContact | undefined,
): MissionDirectoryEntry {
  return {
    code: state.alpha3,
    name: state.names.en,
    nameFr: state.names.fr ?? null,
    nameEs: state.names.es ?? null,
    status: state.status,
    email: contact?.email ?? null,
    placeholder: contact?.placeholder ?? true,
    updatedAt: contact?.updatedAt.toISOString() ?? null,
    updatedBy: contact?.updatedBy ?? null,
  };
}

export function missionContactChangeView(change: MissionContactChange): MissionContactChangeView {
  return {
    id: change.id,
    state: change.stateCode,
    previousEmail: change.previousEmail,
    email: change.email,
    note: change.note,
    changedBy: change.changedBy,
    changedAt: change.changedAt.toISOString(),
  };
}
