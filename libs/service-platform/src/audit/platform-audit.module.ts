import { Global, Module } from '@nestjs/common';
import { ACCESS_DENIAL_LISTENER } from '@reprisals/security';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditTrailRegistry } from './audit-trail.registry';
import { CaseReadGate } from './case-read.gate';
import { GuardDenialAuditor } from './guard-denial.auditor';

/** The guard's refusals and every read of a case reach the audit trail of the service they concern. */
@Global()
@Module({
  providers: [
    AuditTrailRegistry,
    AuditCheckpoints,
    CaseReadGate,
    GuardDenialAuditor,
    { provide: ACCESS_DENIAL_LISTENER, useExisting: GuardDenialAuditor },
  ],
  exports: [AuditTrailRegistry, AuditCheckpoints, CaseReadGate, ACCESS_DENIAL_LISTENER],
})
export class PlatformAuditModule {}
