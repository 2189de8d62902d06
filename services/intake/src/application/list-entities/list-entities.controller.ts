import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '@reprisals/security';
import { ApiProtectedRoute } from '@reprisals/service-platform';
import type { RegisteredEntity } from '../../domain/un-entity-registry';
import { INTAKE_DATA_SOURCE } from '../../infrastructure/persistence/intake-data-source';
import {
  findRegisteredEntity,
  loadRegistry,
} from '../../infrastructure/persistence/un-entity-registry.repository';
import { EntityCodeParamPipe } from '../entity-registry.params';

@ApiTags('intake: UN entities')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('intake/entities')
export class ListEntitiesController {
  constructor(@InjectDataSource(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('entity:read')
  @ApiOperation({ summary: 'The UN entities cases can be shared with, and their focal points' })
  async list(): Promise<{ entities: RegisteredEntity[] }> {
    return { entities: [...(await loadRegistry(this.dataSource.manager)).values()] };
  }

  @Get(':code')
  @RequirePermission('entity:read')
  @ApiProtectedRoute({ notFound: 'No entity with this code' })
  @ApiOperation({ summary: 'One UN entity and its focal points' })
  async get(@Param('code', EntityCodeParamPipe) code: string): Promise<RegisteredEntity> {
    const entity = await findRegisteredEntity(this.dataSource.manager, code);
    if (!entity) throw new NotFoundException('No such entity');
    return entity;
  }
}
