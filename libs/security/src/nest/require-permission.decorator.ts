import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Permission } from '../policy/permission';

export const REQUIRED_PERMISSION = 'reprisals:security:permission';

/** OpenAPI extension naming each route's permission, so clients and tests can read the model. */
export const PERMISSION_EXTENSION = 'x-required-permission';

/**
 * The permission a route needs, checked against the access policy. Every route that
 * is not @Public() must declare one: a route without it is refused.
 * On a controller, it applies to the routes that do not declare their own.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiExtension(PERMISSION_EXTENSION, permission),
  );
