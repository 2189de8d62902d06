import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ServiceMessaging } from '@reprisals/messaging';

/**
 * Every event intake reacts to is registered here, and only here.
 * Intake is where cases start: it reacts to no other service's events yet.
 */
@Injectable()
export class IntakeSubscriptions implements OnModuleInit {
  constructor(private readonly messaging: ServiceMessaging) {}

  onModuleInit(): void {
    this.messaging.consumer.register();
  }
}
