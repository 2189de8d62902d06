import { Injectable } from '@nestjs/common';
import type { AuditTrail } from '@reprisals/audit';

/** The audit trail of every service hosted by this process, by service name (the route prefix). */
@Injectable()
export class AuditTrailRegistry {
  private readonly trails = new Map<string, AuditTrail>();

  register(service: string, trail: AuditTrail): void {
    this.trails.set(service, trail);
  }

  of(service: string): AuditTrail | undefined {
    return this.trails.get(service);
  }
}
