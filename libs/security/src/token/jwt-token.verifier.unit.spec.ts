import { SignJWT, type JWTPayload } from 'jose';
import { issueDevelopmentToken } from './development-token.issuer';
import { InvalidTokenError } from './invalid-token.error';
import { JwtTokenVerifier } from './jwt-token.verifier';
import { loadSecurityConfig } from './security-config';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const env = { JWT_SECRET: SECRET, JWT_ISSUER: 'reprisals-test', JWT_AUDIENCE: 'reprisals' };
const verifier = new JwtTokenVerifier(loadSecurityConfig(env));

const nowInSeconds = () => Math.floor(Date.now() / 1000);

function mint(
  payload: JWTPayload,
  options: { secret?: string; issuer?: string; audience?: string; expiresAt?: number } = {},
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('officer-17')
    .setIssuer(options.issuer ?? env.JWT_ISSUER)
    .setAudience(options.audience ?? env.JWT_AUDIENCE)
    .setIssuedAt(nowInSeconds() - 3600)
    .setExpirationTime(options.expiresAt ?? nowInSeconds() + 600)
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

async function rejection(token: string): Promise<InvalidTokenError> {
  const error: unknown = await verifier.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

describe('JwtTokenVerifier', () => {
  it('given a valid token, when verified, then returns the actor it speaks for', async () => {
    const token = await mint({ entity: 'OHCHR', roles: ['intake-officer', 'supervisor', 'intake-officer'] });

    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'officer-17',
      entity: 'OHCHR',
      roles: ['intake-officer', 'supervisor'],
    });
  });

  it('given a development token from the same configuration, when verified, then it is accepted', async () => {
    const token = await issueDevelopmentToken({ entity: 'TREATY-BODIES', roles: ['auditor'] }, env);

    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'dev-auditor-treaty-bodies',
      entity: 'TREATY-BODIES',
      roles: ['auditor'],
    });
  });

  it('given an expired token, when verified, then it is refused as expired', async () => {
    const token = await mint({ entity: 'OHCHR', roles: ['auditor'] }, { expiresAt: nowInSeconds() - 60 });

    const error = await rejection(token);

    expect(error.reason).toBe('expired');
  });

  it('given a token signed with another secret, when verified, then its signature is refused', async () => {
    const token = await mint(
      { entity: 'OHCHR', roles: ['auditor'] },
      { secret: 'another-secret-that-is-also-long-enough!!' },
    );

    expect((await rejection(token)).reason).toBe('signature');
  });

  it('given a token for another audience, when verified, then its audience is refused', async () => {
    const token = await mint({ entity: 'OHCHR', roles: ['auditor'] }, { audience: 'another-system' });

    expect((await rejection(token)).reason).toBe('audience');
  });

  it('given a token from another issuer, when verified, then its issuer is refused', async () => {
    const token = await mint({ entity: 'OHCHR', roles: ['auditor'] }, { issuer: 'someone-else' });

    expect((await rejection(token)).reason).toBe('issuer');
  });

  it('given a token with an unknown role, when verified, then the roles claim is named but not echoed', async () => {
    const token = await mint({ entity: 'OHCHR', roles: ['intake-officer', 'chief-of-everything'] });

    const error = await rejection(token);

    expect(error.reason).toBe('claims');
    expect(error.claims).toEqual(['roles']);
    expect(error.message).toBe('Token claims are not valid: roles');
    expect(error.message).not.toContain('chief-of-everything');
  });

  it('given a token without an entity, when verified, then the entity claim is named', async () => {
    const token = await mint({ roles: ['intake-officer'] });

    const error = await rejection(token);

    expect(error.claims).toEqual(['entity']);
  });

  it('given a token with a malformed entity or no roles, when verified, then both claims are named without values', async () => {
    const token = await mint({ entity: 'ohchr geneva', roles: [] });

    const error = await rejection(token);

    expect(error.claims).toEqual(['entity', 'roles']);
    expect(error.message).not.toContain('ohchr geneva');
  });

  it('given a Permanent Mission token, when verified, then it speaks for its State alone', async () => {
    const token = await mint({ entity: 'BLR', roles: ['state-mission'] });

    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'officer-17',
      entity: 'BLR',
      roles: ['state-mission'],
    });
  });

  it.each([
    [
      'a Mission that also holds a staff role',
      { entity: 'BLR', roles: ['state-mission', 'supervisor'] },
      ['roles'],
    ],
    ['a Mission whose entity is no State', { entity: 'OHCHR', roles: ['state-mission'] }, ['entity']],
    ['UN staff whose entity is a State', { entity: 'NIC', roles: ['state-liaison'] }, ['entity']],
  ])('given %s, when verified, then the token is refused, naming the claim', async (_case, claims, named) => {
    const error = await rejection(await mint(claims));

    expect(error.reason).toBe('claims');
    expect(error.claims).toEqual(named);
  });

  it('given a token without an expiry, when verified, then it is refused', async () => {
    const token = await new SignJWT({ entity: 'OHCHR', roles: ['auditor'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('officer-17')
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .sign(new TextEncoder().encode(SECRET));

    expect((await rejection(token)).claims).toEqual(['exp']);
  });

  it('given something that is not a JWT, when verified, then it is refused as malformed without echoing it', async () => {
    const error = await rejection('not-a-token');

    expect(error.reason).toBe('malformed');
    expect(error.message).not.toContain('not-a-token');
  });

  it('given an unsigned token, when verified, then its algorithm is refused', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'x',
        entity: 'OHCHR',
        roles: ['admin'],
        iss: env.JWT_ISSUER,
        aud: env.JWT_AUDIENCE,
        exp: nowInSeconds() + 60,
      }),
    ).toString('base64url');

    const error = await rejection(`${header}.${payload}.`);

    expect(['algorithm', 'malformed']).toContain(error.reason);
  });
});
