import type { EntityManager } from 'typeorm';
import { NO_CONSENT, type ConsentScopes, type ShareScope } from '@reprisals/contracts';
import { SHARE_STATUSES, type ShareStatus } from '../domain/share-status';
import { CaseAccessEntity } from '../persistence/case-access.entity';
import { CaseConsentEntity } from '../persistence/case-consent.entity';
import { CaseProtectionEntity } from '../persistence/case-protection.entity';
import { CaseShareEntity } from '../persistence/case-share.entity';
import { qualifiedTable } from '../persistence/qualified-table';
import type { CaseAccessEvent } from './case-access.event';

/**
 * Keeps a service's own record of who leads each case and with whom it is shared, from the
 * intake events. Every writer is idempotent and tolerates any arrival order:
 *
 * - AllegationReceived records the receiving entity as lead, unless a transfer is already known;
 * - LeadTransferred moves the lead, unless a later transfer is already known;
 * - CaseShared records the share's case, entity, scope and expiry, without touching its status;
 * - ShareAccepted, ShareDeclined and ShareRevoked move the status forward only (offered,
 *   accepted, declined, revoked): a revoke projected before its acceptance still ends revoked;
 * - ConsentRecorded and ConsentWithdrawn set what consent allows, the highest version winning;
 * - ProtectionRiskFlagged and ProtectionRiskLifted set whether the case is withheld, likewise.
 *
 * Rows carry the time of the events applied to them, never the time of projection, so projecting
 * the same event twice leaves them exactly as they were. Writes go through the caller's manager:
 * inside a consumer's transaction (with its inbox record), or inside intake's own command.
 */
export class CaseAccessProjection {
  async project(manager: EntityManager, event: CaseAccessEvent): Promise<void> {
    const at = new Date(event.metadata.occurredAt);
    switch (event.type) {
      case 'AllegationReceived':
        return this.recordReceipt(manager, event.data.caseId, event.data.leadEntity, at);
      case 'LeadTransferred':
        return this.recordTransfer(manager, event.data, at);
      case 'CaseShared':
        return this.recordOffer(manager, { ...event.data, expiresAt: dateOrNull(event.data.expiresAt) }, at);
      case 'ShareAccepted':
        return this.recordStatus(manager, event.data, 'accepted', at);
      case 'ShareDeclined':
        return this.recordStatus(manager, event.data, 'declined', at);
      case 'ShareRevoked':
        return this.recordStatus(manager, event.data, 'revoked', at);
      case 'ConsentRecorded':
        return this.recordConsent(
          manager,
          event.data.caseId,
          event.data.consentVersion,
          event.data.scopes,
          false,
          at,
        );
      case 'ConsentWithdrawn':
        return this.recordConsent(
          manager,
          event.data.caseId,
          event.data.consentVersion,
          NO_CONSENT,
          true,
          at,
        );
      case 'ProtectionRiskFlagged':
        return this.recordProtection(
          manager,
          event.data.caseId,
          event.data.flagVersion,
          event.data.level,
          at,
        );
      case 'ProtectionRiskLifted':
        return this.recordProtection(manager, event.data.caseId, event.data.flagVersion, null, at);
      default: {
        const unknown: never = event;
        throw new Error(`No projection for ${(unknown as { type: string }).type}`);
      }
    }
  }

  /** The highest flag version wins; `level` null means lifted. */
  private async recordProtection(
    manager: EntityManager,
    caseId: string,
    version: number,
    level: string | null,
    at: Date,
  ) {
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager, CaseProtectionEntity)} AS current
         ("case_id", "version", "withheld", "level", "updated_at")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("case_id") DO UPDATE SET
         "version" = EXCLUDED."version",
         "withheld" = EXCLUDED."withheld",
         "level" = EXCLUDED."level",
         "updated_at" = EXCLUDED."updated_at"
       WHERE EXCLUDED."version" > current."version"`,
      [caseId, version, level !== null, level, at],
    );
  }

  /** The highest consent version wins: a withdrawal projected before the recording it ends stays in force. */
  private async recordConsent(
    manager: EntityManager,
    caseId: string,
    version: number,
    scopes: ConsentScopes,
    withdrawn: boolean,
    at: Date,
  ) {
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager, CaseConsentEntity)} AS current
         ("case_id", "version", "raise_with_state", "share_with_un_entities", "publish", "withdrawn", "updated_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("case_id") DO UPDATE SET
         "version" = EXCLUDED."version",
         "raise_with_state" = EXCLUDED."raise_with_state",
         "share_with_un_entities" = EXCLUDED."share_with_un_entities",
         "publish" = EXCLUDED."publish",
         "withdrawn" = EXCLUDED."withdrawn",
         "updated_at" = EXCLUDED."updated_at"
       WHERE EXCLUDED."version" > current."version"`,
      [caseId, version, scopes.raiseWithState, scopes.shareWithUnEntities, scopes.publish, withdrawn, at],
    );
  }

  private async recordReceipt(manager: EntityManager, caseId: string, leadEntity: string, at: Date) {
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager, CaseAccessEntity)}
         ("case_id", "lead_entity", "lead_since", "lead_transfer_id", "updated_at")
       VALUES ($1, $2, $3, NULL, $3)
       ON CONFLICT ("case_id") DO NOTHING`,
      [caseId, leadEntity, at],
    );
  }

  private async recordTransfer(
    manager: EntityManager,
    transfer: { caseId: string; transferId: string; toEntity: string },
    at: Date,
  ) {
    const table = qualifiedTable(manager, CaseAccessEntity);
    // A transfer wins over the receipt, and over any transfer that happened before it.
    await manager.query(
      `INSERT INTO ${table} AS current
         ("case_id", "lead_entity", "lead_since", "lead_transfer_id", "updated_at")
       VALUES ($1, $2, $3, $4, $3)
       ON CONFLICT ("case_id") DO UPDATE SET
         "lead_entity" = EXCLUDED."lead_entity",
         "lead_since" = EXCLUDED."lead_since",
         "lead_transfer_id" = EXCLUDED."lead_transfer_id",
         "updated_at" = GREATEST(current."updated_at", EXCLUDED."updated_at")
       WHERE current."lead_transfer_id" IS NULL
          OR (current."lead_since", current."lead_transfer_id") < (EXCLUDED."lead_since", EXCLUDED."lead_transfer_id")`,
      [transfer.caseId, transfer.toEntity, at, transfer.transferId],
    );
  }

  private async recordOffer(
    manager: EntityManager,
    offer: { caseId: string; shareId: string; entity: string; scope: ShareScope; expiresAt: Date | null },
    at: Date,
  ) {
    const table = qualifiedTable(manager, CaseShareEntity);
    await manager.query(
      `INSERT INTO ${table} AS current
         ("share_id", "case_id", "entity", "scope", "status", "expires_at", "updated_at")
       VALUES ($1, $2, $3, $4, 'offered', $5, $6)
       ON CONFLICT ("share_id") DO UPDATE SET
         "case_id" = EXCLUDED."case_id",
         "entity" = EXCLUDED."entity",
         "scope" = EXCLUDED."scope",
         "expires_at" = EXCLUDED."expires_at",
         "updated_at" = GREATEST(current."updated_at", EXCLUDED."updated_at")
       WHERE (current."case_id", current."entity", current."scope", current."expires_at")
             IS DISTINCT FROM (EXCLUDED."case_id", EXCLUDED."entity", EXCLUDED."scope", EXCLUDED."expires_at")`,
      [offer.shareId, offer.caseId, offer.entity, offer.scope, offer.expiresAt, at],
    );
  }

  private async recordStatus(
    manager: EntityManager,
    share: { caseId: string; shareId: string; entity: string },
    status: ShareStatus,
    at: Date,
  ) {
    const table = qualifiedTable(manager, CaseShareEntity);
    // Scope and expiry stay unknown (no access) until the offer itself is projected.
    await manager.query(
      `INSERT INTO ${table} AS current
         ("share_id", "case_id", "entity", "scope", "status", "expires_at", "updated_at")
       VALUES ($1, $2, $3, NULL, $4, NULL, $5)
       ON CONFLICT ("share_id") DO UPDATE SET
         "status" = EXCLUDED."status",
         "updated_at" = GREATEST(current."updated_at", EXCLUDED."updated_at")
       WHERE array_position($6::text[], EXCLUDED."status") > array_position($6::text[], current."status")`,
      [share.shareId, share.caseId, share.entity, status, at, [...SHARE_STATUSES]],
    );
  }
}

function dateOrNull(iso: string | undefined): Date | null {
  return iso === undefined ? null : new Date(iso);
}
