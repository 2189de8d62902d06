import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { requestAuditContext } from '@reprisals/audit';
import { unEntitySchema, type UnEntity } from '@reprisals/case-access';
import { ActingAs, RequirePermission, type ActingUser } from '@reprisals/security';
import { ApiProtectedRoute, ApiZodBody, ZodValidationPipe } from '@reprisals/service-platform';
import { registerEntity, type RegisteredEntity } from '../../domain/un-entity-registry';
import { EntityRegistryEditor } from '../entity-registry.editor';
import { entityRegistryRefusal } from '../entity-registry-refusal';
import { RefusalAuditor } from '../refusal.auditor';

@ApiTags('intake: UN entities')
@ApiBearerAuth()
@ApiProtectedRoute()
@Controller('intake/entities')
export class RegisterEntityController {
  constructor(
    private readonly editor: EntityRegistryEditor,
    private readonly refusals: RefusalAuditor,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('entity:manage')
  @ApiOperation({ summary: 'Admins register a UN entity (codes are never reused)' })
  @ApiZodBody(unEntitySchema, {
    code: 'OHCHR-SEN',
    kind: 'field-presence',
    name: 'OHCHR Regional Office for West Africa',
    parent: 'OHCHR',
  })
  @ApiConflictResponse({ description: 'The code is already registered' })
  register(
    @Body(new ZodValidationPipe(unEntitySchema)) draft: UnEntity,
    @ActingAs('entity:manage') user: ActingUser,
    @Req() request: IncomingMessage,
  ): Promise<RegisteredEntity> {
    const target = `entity:${draft.code}`;
    return this.refusals.guard(
      user,
      request,
      undefined,
      target,
      () =>
        this.editor.edit(user, requestAuditContext(request), target, (registry) =>
          registerEntity(registry, draft),
        ),
      entityRegistryRefusal,
    );
  }
}
