import { CreateCaseAccessTables1767225600200 } from './migrations/1767225600200-create-case-access-tables.migration';
import { CaseAccessEntity } from './persistence/case-access.entity';
import { CaseShareEntity } from './persistence/case-share.entity';
import { CaseConsentEntity } from './persistence/case-consent.entity';
import { CreateCaseConsentTable1767225600300 } from './migrations/1767225600300-create-case-consent-table.migration';

/** Add to the data source of every service that answers for cases: each keeps its own projection. */
export const CASE_ACCESS_ENTITIES = [CaseAccessEntity, CaseShareEntity, CaseConsentEntity];
export const CASE_ACCESS_MIGRATIONS = [
  CreateCaseAccessTables1767225600200,
  CreateCaseConsentTable1767225600300,
];
