import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodQuery, ZodValidationPipe } from '@reprisals/service-platform';
import { findUnState, knownStates } from '@reprisals/un-states';
import { MissionDirectoryRepository } from '../../../infrastructure/persistence/mission-directory.repository';
import { STATE_COMMUNICATION_DATA_SOURCE } from '../../../infrastructure/persistence/state-communication-data-source';
import { StateCodeParamPipe } from '../mission-directory.params';
import {
  missionContactChangeView,
  missionDirectoryEntry,
  type MissionContactChangeView,
  type MissionDirectoryEntry,
} from '../mission-directory.view';
import {
  readMissionDirectoryQuerySchema,
  type ReadMissionDirectoryQuery,
} from './read-mission-directory.query';

@ApiTags('state-communication: mission directory')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No UN Member or Observer State with this code' })
@Controller('state-communication/missions')
export class ReadMissionDirectoryController {
  private readonly directory = new MissionDirectoryRepository();

  constructor(@InjectDataSource(STATE_COMMUNICATION_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('mission-directory:read')
  @ApiOperation({
    summary: 'Every UN Member and Observer State with its Permanent Mission’s address, in code order',
  })
  @ApiZodQuery(readMissionDirectoryQuerySchema)
  async list(
    @Query(new ZodValidationPipe(readMissionDirectoryQuerySchema)) query: ReadMissionDirectoryQuery,
  ): Promise<{ missions: MissionDirectoryEntry[] }> {
    const contacts = new Map(
      (await this.directory.all(this.dataSource.manager)).map((contact) => [contact.stateCode, contact]),
    );
    const wanted = query.q?.toLowerCase();
    const missions = knownStates()
      .map((state) => missionDirectoryEntry(state, contacts.get(state.alpha3)))
      .filter(
        (entry) =>
          (query.placeholder === undefined || entry.placeholder === query.placeholder) &&
          (wanted === undefined ||
            entry.code.toLowerCase().includes(wanted) ||
            entry.name.toLowerCase().includes(wanted)),
      );
    return { missions };
  }

  @Get(':state')
  @RequirePermission('mission-directory:read')
  @ApiOperation({ summary: 'One State and its Permanent Mission’s address' })
  async get(@Param('state', StateCodeParamPipe) stateCode: string): Promise<MissionDirectoryEntry> {
    const state = findUnState(stateCode);
    if (!state) throw new NotFoundException('No such UN Member or Observer State');
    return missionDirectoryEntry(state, await this.directory.of(this.dataSource.manager, stateCode));
  }

  @Get(':state/changes')
  @RequirePermission('mission-directory:read')
  @ApiOperation({ summary: 'The changes of a Permanent Mission’s address, newest first' })
  async changes(
    @Param('state', StateCodeParamPipe) stateCode: string,
  ): Promise<{ state: string; changes: MissionContactChangeView[] }> {
    if (!findUnState(stateCode)) throw new NotFoundException('No such UN Member or Observer State');
    const changes = await this.directory.changesOf(this.dataSource.manager, stateCode);
    return { state: stateCode, changes: changes.map(missionContactChangeView) };
  }
}
