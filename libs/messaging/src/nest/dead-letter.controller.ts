import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@reprisals/security';
import { DeadLetterNotFoundError, type DeliveryOutcome } from '../consumer/service-event.consumer';
import type { DeadLetterView } from '../dead-letters/dead-letter.store';
import { ServiceMessaging } from '../service-messaging';

/** `GET /<service>/dead-letters` and `POST /<service>/dead-letters/:id/replay`, one per service. */
export function deadLetterControllerFor(service: string): Type<unknown> {
  @ApiTags(`${service}: dead letters`)
  @ApiBearerAuth()
  @Controller(`${service}/dead-letters`)
  class DeadLetterController {
    constructor(private readonly messaging: ServiceMessaging) {}

    @Get()
    @RequirePermission('dead-letter:read')
    @ApiOperation({ summary: `Events ${service} could not process, with the reason` })
    async list(): Promise<{ deadLetters: DeadLetterView[] }> {
      return { deadLetters: await this.messaging.deadLetters.list() };
    }

    @Post(':id/replay')
    @HttpCode(200)
    @RequirePermission('dead-letter:replay')
    @ApiOperation({ summary: 'Runs a dead-lettered event again through its subscription, after a fix' })
    async replay(
      @Param('id', new ParseUUIDPipe()) id: string,
    ): Promise<{ id: string; outcome: DeliveryOutcome }> {
      try {
        return { id, outcome: await this.messaging.consumer.replay(id) };
      } catch (error) {
        if (error instanceof DeadLetterNotFoundError) throw new NotFoundException('No such dead letter');
        throw error;
      }
    }
  }
  Object.defineProperty(DeadLetterController, 'name', { value: `${pascal(service)}DeadLetterController` });
  return DeadLetterController;
}

function pascal(value: string): string {
  return value.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
