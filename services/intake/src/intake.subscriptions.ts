import { Injectable, type OnModuleInit } from '@nestjs/common';
import { auditWitnessSubscriptions } from '@reprisals/audit';
import { ServiceMessaging } from '@reprisals/messaging';

/**
 * Every event intake reacts to is registered here, and only here.
 * Intake is where cases start: it reacts to no other service's case events. It is the witness of
 * reporting's audit chain, since reporting witnesses every other service's.
 */
@Injectable()
export class IntakeSubscriptions implements OnModuleInit {
  constructor(private readonly messaging: ServiceMessaging) {}

  onModuleInit(): void {
    this.messaging.consumer.register(...auditWitnessSubscriptions({ witness: 'intake', of: ['reporting'] }));
  }
}
