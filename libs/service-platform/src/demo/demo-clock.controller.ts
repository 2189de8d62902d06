import { Body, Controller, Get, Inject, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { actingUserAudit, requestAuditContext } from '@reprisals/audit';
import { SERVICE_NAMES } from '@reprisals/contracts';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { AuditTrailRegistry } from '../audit/audit-trail.registry';
import { ApiProtectedRoute } from '../openapi/api-error-responses';
import { ApiZodBody } from '../openapi/zod-openapi';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { DemoClock } from './demo-clock';

export const moveDemoClockSchema = z.strictObject({
  now: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date and time, such as 2024-05-01T09:00:00Z' })
    .nullable()
    .describe("The time every service of the process reads from now on; null: the system's own time"),
});
export type MoveDemoClockCommand = z.infer<typeof moveDemoClockSchema>;

export interface DemoClockView {
  now: string;
  /** Milliseconds from the system's time (negative: in the past); 0 at the system's time. */
  offsetMs: number;
}

/**
 * `GET` and `PUT /demo/clock`, in demo mode only (the routes do not exist otherwise): where the
 * demonstration's time stands, and moving it, so that a past reporting period can be lived
 * through. A move is audited in the trail of every service the process hosts, since all of them
 * read the clock.
 */
@ApiTags('demo')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('demo/clock')
export class DemoClockController {
  constructor(
    @Inject(DemoClock) private readonly clock: DemoClock,
    @Inject(AuditTrailRegistry) private readonly trails: AuditTrailRegistry,
  ) {}

  @Get()
  @RequirePermission('demo:clock')
  @ApiOperation({ summary: 'The time of the demonstration and its offset from the system time' })
  read(): DemoClockView {
    return this.view();
  }

  @Put()
  @RequirePermission('demo:clock')
  @ApiOperation({
    summary:
      'Moves the time of the demonstration (earlier or later): timers due by then fire; null goes back to the system time',
  })
  @ApiZodBody(moveDemoClockSchema, { now: '2024-05-01T09:00:00Z' })
  async move(
    @Body(new ZodValidationPipe(moveDemoClockSchema)) command: MoveDemoClockCommand,
    @ActingAs('demo:clock') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<DemoClockView> {
    const from = this.clock.now().toISOString();
    this.clock.set(command.now === null ? null : new Date(command.now));
    const to = this.clock.now().toISOString();
    for (const service of SERVICE_NAMES) {
      await this.trails.of(service)?.recordNow({
        ...actingUserAudit(user),
        ...requestAuditContext(request),
        action: user.permission,
        target: `PUT /demo/clock#from:${from}#to:${to}`,
        outcome: 'allowed',
      });
    }
    return this.view();
  }

  private view(): DemoClockView {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset() };
  }
}
