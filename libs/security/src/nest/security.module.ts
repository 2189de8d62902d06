import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from '../policy/access-policy';
import { loadAccessPolicy } from '../policy/access-policy.loader';
import { createTokenVerifier } from '../token/jwt-token.verifier';
import { loadSecurityConfig } from '../token/security-config';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token/token-verifier';
import { PermissionGuard } from './permission.guard';

export interface SecurityModuleOptions {
  /** The policy to enforce; by default the policy file is loaded (see policyPath). */
  policy?: AccessPolicy;
  /** Where to read the policy from; defaults to libs/security/policy/access-policy.yaml. */
  policyPath?: string;
  /** How to verify bearer tokens; by default configured from env (JWT_SECRET / JWT_JWKS_URL...). */
  tokenVerifier?: TokenVerifier;
  /** The environment to read the token configuration from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Authentication and authorization for a Nest application: registers PermissionGuard
 * for every route and makes AccessPolicy and TOKEN_VERIFIER injectable everywhere.
 * A broken policy file or token configuration fails the application at start.
 */
@Global()
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityModuleOptions = {}): DynamicModule {
    return {
      module: SecurityModule,
      providers: [
        { provide: AccessPolicy, useFactory: () => options.policy ?? loadAccessPolicy(options.policyPath) },
        {
          provide: TOKEN_VERIFIER,
          useFactory: () =>
            options.tokenVerifier ?? createTokenVerifier(loadSecurityConfig(options.env ?? process.env)),
        },
        { provide: APP_GUARD, useClass: PermissionGuard },
      ],
      exports: [AccessPolicy, TOKEN_VERIFIER],
    };
  }
}
