import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { setupOpenApi } from '../openapi/setup-open-api';

export interface HttpApplicationOptions {
  title: string;
  description: string;
  /** Keep Nest's own bootstrap logs (off in tests). */
  quiet?: boolean;
}

/** Creates a Nest HTTP application with the platform's logger, OpenAPI and shutdown behaviour. */
export async function createHttpApplication(
  rootModule: unknown,
  options: HttpApplicationOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule as never, {
    bufferLogs: true,
    bodyParser: false,
    ...(options.quiet ? { logger: false } : {}),
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  setupOpenApi(app, options.title, options.description);
  return app;
}
