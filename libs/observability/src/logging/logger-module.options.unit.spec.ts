import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { createLoggerModuleOptions } from './logger-module.options';

const lines: string[] = [];

@Controller()
class ProbeController {
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('intake/allegations')
  list(): unknown[] {
    return [];
  }
}

@Module({
  imports: [
    LoggerModule.forRoot(
      createLoggerModuleOptions('intake', {
        destination: { write: (line: string) => lines.push(line) },
        env: {},
      }),
    ),
  ],
  controllers: [ProbeController],
})
class LoggedTestModule {}

const REQUEST_ID = '0b6c1f3e-5d2a-4c8e-9f1a-2b3c4d5e6f70';

describe('createLoggerModuleOptions in a Nest application', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(LoggedTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  const requestLogs = () =>
    lines.map((line) => JSON.parse(line) as Record<string, any>).filter((entry) => entry.req !== undefined);

  it('given a request with a token and a query, when it completes, then one line without them is logged', async () => {
    const response = await fetch(`${baseUrl}/intake/allegations?victim=Jane`, {
      headers: { authorization: 'Bearer eyJ.secret.sig', 'x-request-id': REQUEST_ID },
    });
    await response.arrayBuffer();

    expect(response.headers.get('x-request-id')).toBe(REQUEST_ID);
    const [entry] = requestLogs().filter((log) => log.req.path === '/intake/allegations');
    expect(entry).toMatchObject({ service: 'intake', level: 'info', req: { id: REQUEST_ID, method: 'GET' } });
    expect(entry?.res).toEqual({ statusCode: 200 });
    expect(JSON.stringify(entry)).not.toMatch(/eyJ|Jane/);
  });

  it('given a request id that is not a UUID, when the request completes, then an id of our own replaces it', async () => {
    const response = await fetch(`${baseUrl}/intake/allegations`, {
      headers: { 'x-request-id': 'Maria.Lopez-Quispe' },
    });
    await response.arrayBuffer();

    const replaced = response.headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(JSON.stringify(requestLogs())).not.toContain('Lopez');
  });

  it('given a health check, when it completes, then nothing is logged for it', async () => {
    const response = await fetch(`${baseUrl}/health`);
    await response.arrayBuffer();

    expect(requestLogs().filter((log) => log.req.path === '/health')).toEqual([]);
  });
});
