import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Actor } from '../actor/actor';
import { issueDevelopmentToken } from '../token/development-token.issuer';
import { ActingAs, type ActingUser } from './acting-as.decorator';
import { CurrentActor } from './current-actor.decorator';
import { Public } from './public.decorator';
import { RequirePermission } from './require-permission.decorator';
import { SecurityModule } from './security.module';

const env = { JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256', JWT_ISSUER: 'reprisals-test' };

@Controller('cases')
class CasesController {
  @Get('summary')
  @RequirePermission('case:read')
  summary(@CurrentActor() actor: Actor): { entity: string } {
    return { entity: actor.entity };
  }

  @Get('identities')
  @RequirePermission('case:read-identities')
  identities(@ActingAs('case:read-identities') user: ActingUser): Pick<ActingUser, 'role' | 'policyVersion'> {
    return { role: user.role, policyVersion: user.policyVersion };
  }

  @Get('undeclared')
  undeclared(): { leaked: boolean } {
    return { leaked: true };
  }
}

@Public()
@Controller('health')
class HealthController {
  @Get()
  health(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ imports: [SecurityModule.forRoot({ env })], controllers: [CasesController, HealthController] })
class GuardedTestModule {}

describe('PermissionGuard in a Nest application', () => {
  let app: INestApplication;
  let baseUrl: string;
  const token = (roles: Actor['roles']) => issueDevelopmentToken({ entity: 'OHCHR', roles }, env);
  const get = (path: string, authorization?: string) =>
    fetch(`${baseUrl}${path}`, { headers: authorization ? { authorization } : {} });

  beforeAll(async () => {
    app = await NestFactory.create(GuardedTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  it('given no token, when a guarded route is called, then 401 with a Bearer challenge', async () => {
    const response = await get('/cases/summary');

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'A bearer token is required',
    });
  });

  it('given a bad token, when a guarded route is called, then 401 without echoing the token', async () => {
    const forged = `${await token(['supervisor'])}x`;

    const response = await get('/cases/summary', `Bearer ${forged}`);
    const body = await response.text();

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(JSON.parse(body)).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Token signature is not valid',
    });
    expect(body).not.toContain(forged.split('.')[1]);
  });

  it('given a token in another scheme, when a guarded route is called, then 401', async () => {
    const response = await get('/cases/summary', `Basic ${Buffer.from('a:b').toString('base64')}`);

    expect(response.status).toBe(401);
  });

  it('given a role without the permission, when the route is called, then 403', async () => {
    const response = await get('/cases/identities', `Bearer ${await token(['reporting-analyst'])}`);

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: "Permission case:read-identities is not granted to the caller's roles",
    });
  });

  it('given a role with the permission, when the route is called, then 200 with the actor', async () => {
    const response = await get('/cases/summary', `Bearer ${await token(['reporting-analyst'])}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ entity: 'OHCHR' });
  });

  it('given several roles, when acting under a permission, then the granting role and policy version are known', async () => {
    const response = await get('/cases/identities', `Bearer ${await token(['auditor', 'state-liaison'])}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ role: 'state-liaison', policyVersion: '7' });
  });

  it('given no token, when a public route is called, then 200', async () => {
    const response = await get('/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('given any valid token, when a route that declares no permission is called, then 403', async () => {
    const response = await get('/cases/undeclared', `Bearer ${await token(['supervisor', 'admin'])}`);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      statusCode: 403,
      message: 'This route declares no permission',
    });
  });
});
