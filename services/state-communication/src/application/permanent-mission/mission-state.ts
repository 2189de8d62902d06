import { ForbiddenException } from '@nestjs/common';
import type { ActingUser } from '@reprisals/security';
import { isUnState } from '@reprisals/un-states';

/** The State a Permanent Mission's token speaks for: its entity, which must be a UN State's code. */
export function missionStateOf(user: ActingUser): string {
  if (!isUnState(user.entity))
    throw new ForbiddenException(
      "A Permanent Mission's token names its State (ISO 3166-1 alpha-3) as its entity",
    );
  return user.entity;
}
