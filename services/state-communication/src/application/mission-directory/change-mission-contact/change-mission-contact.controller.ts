import { Body, Controller, Inject, NotFoundException, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { actingUserAudit, AuditTrail, requestAuditContext } from '@reprisals/audit';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { inTransaction } from '@reprisals/persistence';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import {
  ApiProtectedRoute,
  ApiZodBody,
  runRefusable,
  ZodValidationPipe,
  type Refusal,
} from '@reprisals/service-platform';
import {
  changeMissionContact,
  directoryStateOf,
  UnknownState,
} from '../../../domain/mission-directory/mission-contact';
import { MissionDirectoryRepository } from '../../../infrastructure/persistence/mission-directory.repository';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../../infrastructure/persistence/state-communication-data-source';
import { StateCodeParamPipe } from '../mission-directory.params';
import { missionDirectoryEntry, type MissionDirectoryEntry } from '../mission-directory.view';
import {
  changeMissionContactSchema,
  type ChangeMissionContactCommand,
} from './change-mission-contact.command';

const unknownState = (error: unknown): Refusal | undefined =>
  error instanceof UnknownState
    ? { reason: 'unknown-state', answer: new NotFoundException(error.message) }
    : undefined;

@ApiTags('state-communication: mission directory')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No UN Member or Observer State with this code' })
@Controller('state-communication/missions')
export class ChangeMissionContactController {
  private readonly directory = new MissionDirectoryRepository();

  constructor(
    @InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put(':state')
  @RequirePermission('mission-directory:manage')
  @ApiOperation({
    summary:
      'Admins set the address of a State’s Permanent Mission: communications sent from then on go there. The change is kept in the State’s history and audited; the same address again changes nothing',
  })
  @ApiZodBody(changeMissionContactSchema, {
    email: 'mission.nicaragua@example.org',
    note: 'Mission’s note of 12 Nov 2026',
  })
  change(
    @Param('state', StateCodeParamPipe) stateCode: string,
    @Body(new ZodValidationPipe(changeMissionContactSchema)) command: ChangeMissionContactCommand,
    @ActingAs('mission-directory:manage') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<MissionDirectoryEntry> {
    const target = `mission-contact:${stateCode}`;
    const at = this.clock.now();
    return runRefusable(
      this.audit,
      { user, request, target, caseId: () => undefined },
      () =>
        inTransaction(this.dataSource, async (manager) => {
          const state = directoryStateOf(stateCode);
          const current = await this.directory.lock(manager, stateCode);
          const changed = changeMissionContact(current, stateCode, command, {
            sub: user.sub,
            at,
            changeId: randomUUID(),
          });
          if (!changed) return missionDirectoryEntry(state, current);
          await this.directory.save(manager, changed.contact, changed.change);
          // Ids only: the State's code, never the address.
          await this.audit.record(manager, {
            ...actingUserAudit(user),
            ...requestAuditContext(request),
            action: user.permission,
            target,
            outcome: 'allowed',
          });
          return missionDirectoryEntry(state, changed.contact);
        }),
      unknownState,
    );
  }
}
