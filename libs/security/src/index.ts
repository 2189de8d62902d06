export { ROLES, RoleSchema, isRole, type Role } from './actor/role';
export { ENTITY_CODE_PATTERN, EntityCodeSchema, isEntityCode } from './actor/entity-code';
export { ActorClaimsSchema, type Actor, type ActorClaims } from './actor/actor';

export { PERMISSIONS, PermissionSchema, isPermission, type Permission } from './policy/permission';
export { AccessPolicy, type AccessDecision, type AccessPolicyDefinition } from './policy/access-policy';
export {
  AccessPolicyError,
  DEFAULT_ACCESS_POLICY_PATH,
  loadAccessPolicy,
  parseAccessPolicy,
} from './policy/access-policy.loader';
export { renderAccessPolicyTable } from './policy/access-policy.table';

export {
  SecurityConfigurationError,
  loadSecurityConfig,
  type SecurityConfig,
  type TokenKeyConfig,
} from './token/security-config';
export { TOKEN_VERIFIER, type TokenVerifier } from './token/token-verifier';
export {
  InvalidTokenError,
  TokenVerificationUnavailableError,
  type InvalidTokenReason,
} from './token/invalid-token.error';
export { ASYMMETRIC_ALGORITHMS, JwtTokenVerifier, createTokenVerifier } from './token/jwt-token.verifier';
export {
  DEFAULT_DEVELOPMENT_TOKEN_TTL,
  InvalidDevelopmentTokenRequestError,
  issueDevelopmentToken,
  type DevelopmentTokenRequest,
} from './token/development-token.issuer';

export { SecurityModule, type SecurityModuleOptions } from './nest/security.module';
export { PermissionGuard } from './nest/permission.guard';
export { Public, PUBLIC_EXTENSION, PUBLIC_ROUTE } from './nest/public.decorator';
export {
  PERMISSION_EXTENSION,
  RequirePermission,
  REQUIRED_PERMISSION,
} from './nest/require-permission.decorator';
export { CurrentActor } from './nest/current-actor.decorator';
export { ActingAs, type ActingUser } from './nest/acting-as.decorator';
export { accessDecisionOf, actorOf, type AuthenticatedRequest } from './nest/authenticated-request';
export { extractBearerToken } from './nest/bearer-token';
export {
  ACCESS_DENIAL_LISTENER,
  type AccessDenial,
  type AccessDenialListener,
} from './nest/access-denial.listener';
