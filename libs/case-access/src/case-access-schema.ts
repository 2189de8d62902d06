import { CreateCaseAccessTables1767225600200 } from './migrations/1767225600200-create-case-access-tables.migration';
import { CaseAccessEntity } from './persistence/case-access.entity';
import { CaseShareEntity } from './persistence/case-share.entity';
import { CaseConsentEntity } from './persistence/case-consent.entity';
import { CaseProtectionEntity } from './persistence/case-protection.entity';
import { CreateCaseProtectionTable1767225600400 } from './migrations/1767225600400-create-case-protection-table.migration';
import { CreateCaseConsentTable1767225600300 } from './migrations/1767225600300-create-case-consent-table.migration';

/** Add to the data source of every service that answers for cases: each keeps its own projection. */
export const CASE_ACCESS_ENTITIES = [
  CaseAccessEntity,
  CaseShareEntity,
  CaseConsentEntity,
  CaseProtectionEntity,
];
export const CASE_ACCESS_MIGRATIONS = [
  CreateCaseAccessTables1767225600200,
  CreateCaseConsentTable1767225600300,
  CreateCaseProtectionTable1767225600400,
];
