import { Module, type DynamicModule } from '@nestjs/common';
import { IdentityVaultModule } from '@reprisals/identity-vault';
import { serviceInfrastructure, type ServiceModuleOptions } from '@reprisals/service-platform';
import { GetAllegationController } from './application/get-allegation/get-allegation.controller';
import { ListSharesController } from './application/list-shares/list-shares.controller';
import { RespondToShareController } from './application/respond-to-share/respond-to-share.controller';
import { RespondToShareHandler } from './application/respond-to-share/respond-to-share.handler';
import { RevokeShareController } from './application/revoke-share/revoke-share.controller';
import { RevokeShareHandler } from './application/revoke-share/revoke-share.handler';
import { ShareCaseController } from './application/share-case/share-case.controller';
import { ShareCaseHandler } from './application/share-case/share-case.handler';
import { RefusalAuditor } from './application/refusal.auditor';
import { FlagProtectionRiskController } from './application/flag-protection-risk/flag-protection-risk.controller';
import { FlagProtectionRiskHandler } from './application/flag-protection-risk/flag-protection-risk.handler';
import { ReadProtectionRiskController } from './application/read-protection-risk/read-protection-risk.controller';
import { ChangeAllegationController } from './application/change-allegation/change-allegation.controller';
import { ChangeAllegationHandler } from './application/change-allegation/change-allegation.handler';
import { ListAllegationsController } from './application/list-allegations/list-allegations.controller';
import { ReadIdentitiesController } from './application/read-identities/read-identities.controller';
import { ErasePersonalDataController } from './application/erase-personal-data/erase-personal-data.controller';
import { ErasePersonalDataHandler } from './application/erase-personal-data/erase-personal-data.handler';
import { CaseIdentityStore } from './infrastructure/identities/case-identity.store';
import { ReadConsentController } from './application/read-consent/read-consent.controller';
import { RecordConsentController } from './application/record-consent/record-consent.controller';
import { RecordConsentHandler } from './application/record-consent/record-consent.handler';
import { WithdrawConsentController } from './application/withdraw-consent/withdraw-consent.controller';
import { ChangeEntityController } from './application/change-entity/change-entity.controller';
import { DesignateFocalPointController } from './application/designate-focal-point/designate-focal-point.controller';
import { EntityRegistryEditor } from './application/entity-registry.editor';
import { ListEntitiesController } from './application/list-entities/list-entities.controller';
import { RegisterEntityController } from './application/register-entity/register-entity.controller';
import { TransferLeadController } from './application/transfer-lead/transfer-lead.controller';
import { TransferLeadHandler } from './application/transfer-lead/transfer-lead.handler';
import { SharingConsentReader } from './infrastructure/consent/sharing-consent.reader';
import { ReceiveAllegationController } from './application/receive-allegation/receive-allegation.controller';
import { ListStatesController } from './application/list-states/list-states.controller';
import { ReceiveAllegationHandler } from './application/receive-allegation/receive-allegation.handler';
import {
  INTAKE_DATA_SOURCE,
  INTAKE_ENTITIES,
  INTAKE_MIGRATIONS,
  INTAKE_SCHEMA,
} from './infrastructure/persistence/intake-data-source';
import { IntakeSubscriptions } from './intake.subscriptions';
import { AddEvidenceController } from './application/add-evidence/add-evidence.controller';
import { AddEvidenceHandler } from './application/add-evidence/add-evidence.handler';
import { DownloadEvidenceController } from './application/download-evidence/download-evidence.controller';
import { ListEvidenceController } from './application/list-evidence/list-evidence.controller';
import { CaseEvidenceReader } from './infrastructure/evidence/case-evidence.reader';
import { evidenceStorageProviders } from './infrastructure/evidence/evidence-storage.providers';
import { DecidePossibleDuplicateController } from './application/decide-possible-duplicate/decide-possible-duplicate.controller';
import { DecidePossibleDuplicateHandler } from './application/decide-possible-duplicate/decide-possible-duplicate.handler';
import { ListPossibleDuplicatesController } from './application/list-possible-duplicates/list-possible-duplicates.controller';
import { PossibleDuplicateScreener } from './application/screen-possible-duplicates/possible-duplicate.screener';
import { duplicateFingerprintKeyProvider } from './infrastructure/duplicates/duplicate-fingerprint-key.config';

/** Intake: where an entity records an allegation as it arrives. Routes under /intake. */
@Module({})
export class IntakeModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ...serviceInfrastructure(
          {
            service: 'intake',
            schema: INTAKE_SCHEMA,
            entities: INTAKE_ENTITIES,
            migrations: INTAKE_MIGRATIONS,
          },
          options,
        ),
        IdentityVaultModule.forService({ dataSourceName: INTAKE_DATA_SOURCE }),
      ],
      controllers: [
        ReceiveAllegationController,
        ListStatesController,
        GetAllegationController,
        ShareCaseController,
        ListSharesController,
        RespondToShareController,
        RevokeShareController,
        TransferLeadController,
        ListEntitiesController,
        RegisterEntityController,
        ChangeEntityController,
        DesignateFocalPointController,
        RecordConsentController,
        WithdrawConsentController,
        ReadConsentController,
        ReadIdentitiesController,
        ErasePersonalDataController,
        FlagProtectionRiskController,
        ListAllegationsController,
        ChangeAllegationController,
        ReadProtectionRiskController,
        AddEvidenceController,
        ListEvidenceController,
        DownloadEvidenceController,
        ListPossibleDuplicatesController,
        DecidePossibleDuplicateController,
      ],
      providers: [
        ReceiveAllegationHandler,
        ShareCaseHandler,
        RespondToShareHandler,
        RevokeShareHandler,
        TransferLeadHandler,
        RefusalAuditor,
        SharingConsentReader,
        EntityRegistryEditor,
        RecordConsentHandler,
        CaseIdentityStore,
        ErasePersonalDataHandler,
        FlagProtectionRiskHandler,
        ChangeAllegationHandler,
        IntakeSubscriptions,
        // Read at start: a bad ATTACHMENT_* variable or an unusable ATTACHMENTS_DIR stops the process.
        ...evidenceStorageProviders(),
        AddEvidenceHandler,
        CaseEvidenceReader,
        // Read at start: a missing or bad DUPLICATE_FINGERPRINT_KEY stops the process before it serves.
        duplicateFingerprintKeyProvider(),
        PossibleDuplicateScreener,
        DecidePossibleDuplicateHandler,
      ],
    };
  }
}
