import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { MessagingRuntime } from '@reprisals/messaging';
import { Public } from '@reprisals/security';

/**
 * Readiness of the process: the database of every service it hosts and, when events
 * travel over Kafka, the broker. 503 when any is down.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly runtime: MessagingRuntime,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: databases and, in distributed mode, the Kafka broker' })
  check(): Promise<HealthCheckResult> {
    const databaseChecks = this.runtime
      .attached()
      .map((service) => async (): Promise<HealthIndicatorResult> => {
        const key = `${service.service}-database`;
        try {
          // Events committed but not yet handed to the transport: a number that keeps growing
          // means the relay cannot publish (broker down, or a message the broker refuses).
          const pendingEvents = await service.relay.pending();
          return { [key]: { status: 'up', pendingEvents } };
        } catch {
          return { [key]: { status: 'down' } };
        }
      });
    const transportCheck = async (): Promise<HealthIndicatorResult> => {
      const state = await this.runtime.transport.health();
      return {
        [`${this.runtime.transport.kind}-transport`]: {
          status: state.up ? 'up' : 'down',
          ...(state.detail ? { detail: state.detail } : {}),
        },
      };
    };
    return this.health.check([...databaseChecks, transportCheck]);
  }
}
