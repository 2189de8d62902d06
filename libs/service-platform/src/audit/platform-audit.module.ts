import { Global, Module } from '@nestjs/common';
import { ACCESS_DENIAL_LISTENER } from '@reprisals/security';
import { AuditTrailRegistry } from './audit-trail.registry';
import { GuardDenialAuditor } from './guard-denial.auditor';

/** Lets the guard's refusals reach the audit trail of the service they concern. */
@Global()
@Module({
  providers: [
    AuditTrailRegistry,
    GuardDenialAuditor,
    { provide: ACCESS_DENIAL_LISTENER, useExisting: GuardDenialAuditor },
  ],
  exports: [AuditTrailRegistry, ACCESS_DENIAL_LISTENER],
})
export class PlatformAuditModule {}
