import { findUnState, type UnState } from '@reprisals/un-states';

/**
 * Where communications to a State's Permanent Mission go. Each State starts with a placeholder
 * address; an admin sets the real one.
 */
export interface MissionContact {
  stateCode: string;
  email: string;
  /** True until an admin sets the Mission's real address. */
  placeholder: boolean;
  updatedAt: Date;
  /** The admin's token subject; null for the seeded placeholder. */
  updatedBy: string | null;
}

/** One change of a Mission's address, kept for good. */
export interface MissionContactChange {
  id: string;
  stateCode: string;
  /** The address before the change; null when the State had none. */
  previousEmail: string | null;
  email: string;
  /** Why, e.g. the Mission's note announcing its new address. */
  note: string | null;
  changedBy: string;
  changedAt: Date;
}

/** A change asked of a State outside the UN Member and Observer States: nothing changes. */
export class UnknownState extends Error {
  override readonly name = 'UnknownState';

  constructor() {
    super('No such UN Member or Observer State');
  }
}

/** The State of the directory with this code, or UnknownState. */
export function directoryStateOf(stateCode: string): UnState {
  const state = findUnState(stateCode);
  if (!state) throw new UnknownState();
  return state;
}

/**
 * An admin sets a Mission's address: it is no longer a placeholder, and the change is kept with
 * its reason. Setting the address it already has changes nothing (undefined).
 */
export function changeMissionContact(
  current: MissionContact | undefined,
  stateCode: string,
  requested: { email: string; note?: string | undefined },
  by: { sub: string; at: Date; changeId: string },
): { contact: MissionContact; change: MissionContactChange } | undefined {
  directoryStateOf(stateCode);
  if (current && !current.placeholder && current.email === requested.email) return undefined;
  return {
    contact: {
      stateCode,
      email: requested.email,
      placeholder: false,
      updatedAt: by.at,
      updatedBy: by.sub,
    },
    change: {
      id: by.changeId,
      stateCode,
      previousEmail: current?.email ?? null,
      email: requested.email,
      note: requested.note ?? null,
      changedBy: by.sub,
      changedAt: by.at,
    },
  };
}
