import { AuditCheckpointSigned } from './audit/audit-checkpoint-signed.event';
import { AuditRecorded } from './audit/audit-recorded.event';
import { CaseIncludedInReport } from './reporting/case-included-in-report.event';
import { ConsentRecorded } from './consent/consent-recorded.event';
import { ConsentWithdrawn } from './consent/consent-withdrawn.event';
import { CasesLinked } from './duplicates/cases-linked.event';
import { PossibleDuplicateFound } from './duplicates/possible-duplicate-found.event';
import { ProtectionRiskFlagged } from './protection/protection-risk-flagged.event';
import { ProtectionRiskLifted } from './protection/protection-risk-lifted.event';
import { AllegationReceived } from './intake/allegation-received.event';
import { AllegationChanged } from './intake/allegation-changed.event';
import { PersonalDataErased } from './intake/personal-data-erased.event';
import { EvidenceAdded } from './intake/evidence-added.event';
import type { EventDefinition } from './integration-event';
import { CaseShared } from './sharing/case-shared.event';
import { LeadTransferRequested } from './sharing/lead-transfer-requested.event';
import { LeadTransferred } from './sharing/lead-transferred.event';
import { ShareAccepted } from './sharing/share-accepted.event';
import { ShareDeclined } from './sharing/share-declined.event';
import { ShareRevoked } from './sharing/share-revoked.event';
import { VerificationCaseOpened } from './verification/verification-case-opened.event';
import { VERIFICATION_PROTOCOL_EVENTS } from './verification/verification-protocol-events';
import { STATE_COMMUNICATION_EVENTS } from './state-communication/state-communication-events';

/** Every public event type, as the wire knows it. */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  ...Object.values(AuditRecorded),
  ...Object.values(AuditCheckpointSigned),
  AllegationReceived,
  AllegationChanged,
  VerificationCaseOpened,
  CaseShared,
  ShareAccepted,
  ShareDeclined,
  ShareRevoked,
  LeadTransferRequested,
  LeadTransferred,
  ConsentRecorded,
  ConsentWithdrawn,
  PersonalDataErased,
  EvidenceAdded,
  ProtectionRiskFlagged,
  ProtectionRiskLifted,
  PossibleDuplicateFound,
  CasesLinked,
  ...VERIFICATION_PROTOCOL_EVENTS,
  ...STATE_COMMUNICATION_EVENTS,
  CaseIncludedInReport,
];

export class EventCatalogue {
  private readonly byWireType = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[] = EVENT_CATALOGUE) {
    for (const definition of definitions) {
      if (this.byWireType.has(definition.wireType)) {
        throw new Error(`Event wire type declared twice: ${definition.wireType}`);
      }
      this.byWireType.set(definition.wireType, definition);
    }
  }

  findByWireType(wireType: string): EventDefinition | undefined {
    return this.byWireType.get(wireType);
  }

  definitions(): EventDefinition[] {
    return [...this.byWireType.values()];
  }
}
