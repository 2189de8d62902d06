import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, ZodValidationPipe } from '@reprisals/service-platform';
import { changeEntity, type RegisteredEntity } from '../../domain/un-entity-registry';
import { EntityRegistryEditor } from '../entity-registry.editor';
import { EntityCodeParamPipe } from '../entity-registry.params';
import { entityRegistryRefusal } from '../entity-registry-refusal';
import { RefusalAuditor } from '../refusal.auditor';
import { changeEntityCommandSchema, type ChangeEntityCommand } from './change-entity.command';

@ApiTags('intake: UN entities')
@ApiBearerAuth()
@ApiProtectedRoute({ notFound: 'No entity with this code' })
@Controller('intake/entities')
export class ChangeEntityController {
  constructor(
    private readonly editor: EntityRegistryEditor,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Patch(':code')
  @RequirePermission('entity:manage')
  @ApiOperation({ summary: 'Admins rename, re-parent, deactivate or reactivate a UN entity' })
  @ApiZodBody(changeEntityCommandSchema, { name: 'OHCHR Regional Office for West Africa', active: true })
  change(
    @Param('code', EntityCodeParamPipe) code: string,
    @Body(new ZodValidationPipe(changeEntityCommandSchema)) change: ChangeEntityCommand,
    @ActingAs('entity:manage') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<RegisteredEntity> {
    const target = `entity:${code}`;
    return this.refusals.guard(
      user,
      request,
      undefined,
      target,
      () =>
        this.editor.edit(user, requestAuditContext(request), target, (registry) =>
          changeEntity(registry, code, change),
        ),
      entityRegistryRefusal,
    );
  }
}
