/**
 * @reprisals/case-access: need to know, applied by every service from its own projection.
 *
 * A case is led by one entity and may be shared with others (CaseShared, ShareAccepted,
 * ShareDeclined, ShareRevoked, LeadTransferred, from intake). Each service keeps its own copy of
 * who leads and who holds which share, and answers for a case only to the entities that see it:
 *
 * ```ts
 * // data source
 * entities: [...MESSAGING_ENTITIES, ...CASE_ACCESS_ENTITIES, ...],
 * migrations: [...MESSAGING_MIGRATIONS, ...CASE_ACCESS_MIGRATIONS, ...],
 * // <service>.subscriptions.ts
 * this.messaging.consumer.register(...caseAccessSubscriptions());
 * // a controller reading one case
 * const access = await reader.accessOf(dataSource, id, user.entity, clock.now());
 * if (!access.visible) throw new NotFoundException('No such case');
 * // a list
 * whereVisibleTo(builder, 'overview', 'caseId', user.entity, clock.now());
 * ```
 */
export {
  decideCaseAccess,
  isShareInForce,
  NO_CASE_ACCESS,
  seesFullCase,
  type CaseAccess,
  type CaseAccessBasis,
  type CaseAccessFacts,
  type CaseAccessRequest,
  type CaseShareFacts,
} from './domain/case-access.decision';
export {
  laterShareStatus,
  SHARE_STATUSES,
  shareStatusPrecedence,
  type ShareStatus,
} from './domain/share-status';
export { CaseAccessEntity } from './persistence/case-access.entity';
export { CaseShareEntity } from './persistence/case-share.entity';
export { CaseConsentEntity } from './persistence/case-consent.entity';
export { CaseConsentReader, type CaseConsent } from './reader/case-consent.reader';
export { CaseProtectionEntity } from './persistence/case-protection.entity';
export { CaseDisclosureReader, type CaseDisclosureView } from './reader/case-disclosure.reader';
export {
  decideDisclosure,
  type CaseDisclosure,
  type CaseDisclosureFacts,
} from './domain/case-disclosure.decision';
export { CreateCaseAccessTables1767225600200 } from './migrations/1767225600200-create-case-access-tables.migration';
export { CASE_ACCESS_ENTITIES, CASE_ACCESS_MIGRATIONS } from './case-access-schema';
export { CASE_ACCESS_EVENTS, type CaseAccessEvent } from './projection/case-access.event';
export { CaseAccessProjection } from './projection/case-access.projection';
export { ProjectCaseAccessHandler } from './projection/project-case-access.handler';
export { caseAccessSubscriptions } from './projection/case-access.subscriptions';
export { CaseAccessReader, type CaseAccessView } from './reader/case-access.reader';
export { whereVisibleTo } from './reader/where-visible-to';
export {
  entityRegistryDocumentSchema,
  UN_ENTITY_KINDS,
  unEntitySchema,
  type EntityRegistryDocument,
  type UnEntity,
  type UnEntityKind,
} from './registry/un-entity';
export { EntityRegistry } from './registry/entity-registry';
export {
  DEFAULT_ENTITY_REGISTRY_PATH,
  EntityRegistryError,
  loadEntityRegistry,
  parseEntityRegistry,
} from './registry/entity-registry.loader';
export {
  caseAccessBackfillMigration,
  type CaseAccessBackfill,
} from './migrations/case-access-backfill.migration';
