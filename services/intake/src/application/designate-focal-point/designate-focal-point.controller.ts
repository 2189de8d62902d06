import { Controller, Delete, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute } from '@reprisals/service-platform';
import {
  designateFocalPoint,
  removeFocalPoint,
  type RegisteredEntity,
  type Registry,
} from '../../domain/un-entity-registry';
import { EntityRegistryEditor } from '../entity-registry.editor';
import { EntityCodeParamPipe, FocalPointSubParamPipe } from '../entity-registry.params';
import { entityRegistryRefusal } from '../entity-registry-refusal';
import { RefusalAuditor } from '../refusal.auditor';

@ApiTags('intake: UN entities')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No entity with this code, or no such focal point' })
@Controller('intake/entities')
export class DesignateFocalPointController {
  constructor(
    private readonly editor: EntityRegistryEditor,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Put(':code/focal-points/:sub')
  @RequirePermission('entity:manage')
  @ApiOperation({
    summary:
      'Admins designate a person (token subject) to answer the shares offered to an entity; once an entity has focal points, only they answer',
  })
  designate(
    @Param('code', EntityCodeParamPipe) code: string,
    @Param('sub', FocalPointSubParamPipe) sub: string,
    @ActingAs('entity:manage') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<RegisteredEntity> {
    return this.edit(user, request, code, sub, (registry) => designateFocalPoint(registry, code, sub));
  }

  @Delete(':code/focal-points/:sub')
  @HttpCode(200)
  @RequirePermission('entity:manage')
  @ApiOperation({ summary: 'Admins remove a focal point of an entity' })
  remove(
    @Param('code', EntityCodeParamPipe) code: string,
    @Param('sub', FocalPointSubParamPipe) sub: string,
    @ActingAs('entity:manage') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<RegisteredEntity> {
    return this.edit(user, request, code, sub, (registry) => removeFocalPoint(registry, code, sub));
  }

  private edit(
    user: ActingUser,
    request: IncomingMessage,
    code: string,
    sub: string,
    decide: (registry: Registry) => RegisteredEntity,
  ): Promise<RegisteredEntity> {
    const target = `focal-point:${code}:${sub}`;
    return this.refusals.guard(
      user,
      request,
      undefined,
      target,
      () => this.editor.edit(user, requestAuditContext(request), target, decide),
      entityRegistryRefusal,
    );
  }
}
