import { SetMetadata } from '@nestjs/common';
import type { Permission } from '../policy/permission';

export const REQUIRED_PERMISSION = 'reprisals:security:permission';

/**
 * The permission a route needs, checked against the access policy. Every route that
 * is not @Public() must declare one: a route without it is refused.
 * On a controller, it applies to the routes that do not declare their own.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);
