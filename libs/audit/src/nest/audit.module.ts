import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@reprisals/kernel';
import { auditSignerFromEnvironment, trustedAuditKeysFromEnvironment } from '../signing/audit-signing.config';
import { AuditTrail } from '../trail/audit-trail';
import { auditControllerFor } from './audit.controller';

export interface AuditModuleOptions {
  /** The service's name: written on its records and the prefix of its audit route. */
  service: string;
  /** Name of the service's TypeORM data source (its entities include AUDIT_ENTITIES). */
  dataSourceName: string;
  /** Where the signing and trusted keys are configured; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The audit trail of one service, bound to its own data source and the process clock, with
 * `GET /<service>/audit`. The signing key is read at start: production without one fails then.
 */
@Module({})
export class AuditModule {
  static forService(options: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      controllers: [auditControllerFor(options.service)],
      providers: [
        {
          provide: AuditTrail,
          inject: [getDataSourceToken(options.dataSourceName), CLOCK],
          useFactory: (dataSource: DataSource, clock: Clock) => {
            const env = options.env ?? process.env;
            return new AuditTrail({
              service: options.service,
              dataSource,
              clock,
              signer: auditSignerFromEnvironment(env),
              trustedKeys: trustedAuditKeysFromEnvironment(env),
            });
          },
        },
      ],
      exports: [AuditTrail],
    };
  }
}
