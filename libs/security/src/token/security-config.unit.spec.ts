import { DEVELOPMENT_JWT_SECRET, loadSecurityConfig, SecurityConfigurationError } from './security-config';

describe('loadSecurityConfig', () => {
  it('given no key outside production, when loaded, then the development secret and defaults apply', () => {
    expect(loadSecurityConfig({ NODE_ENV: 'development' })).toEqual({
      issuer: 'reprisals-dev',
      audience: 'reprisals',
      key: { kind: 'shared-secret', secret: DEVELOPMENT_JWT_SECRET, isDevelopmentDefault: true },
    });
  });

  it('given no key in production, when loaded, then it fails naming the variable', () => {
    expect(() => loadSecurityConfig({ NODE_ENV: 'production' })).toThrow(/JWT_JWKS_URL: is required/);
  });

  it('given a short secret, when loaded, then it fails naming JWT_SECRET without echoing it', () => {
    const load = () => loadSecurityConfig({ JWT_SECRET: 'tiny-secret' });

    expect(load).toThrow(SecurityConfigurationError);
    expect(load).toThrow('JWT_SECRET: must be at least 32 characters');
    expect(load).not.toThrow(/tiny-secret/);
  });

  it('given a JWKS URL, issuer and audience, when loaded, then the key set is used', () => {
    const config = loadSecurityConfig({
      NODE_ENV: 'production',
      JWT_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
      JWT_ISSUER: 'https://login.example.org',
      JWT_AUDIENCE: 'reprisals-api',
    });

    expect(config.key).toEqual({
      kind: 'jwks',
      url: new URL('https://login.example.org/.well-known/jwks.json'),
    });
    expect(config.issuer).toBe('https://login.example.org');
    expect(config.audience).toBe('reprisals-api');
  });

  it('given both a secret and a JWKS URL, when loaded, then it refuses to guess', () => {
    expect(() =>
      loadSecurityConfig({ JWT_SECRET: 'x'.repeat(40), JWT_JWKS_URL: 'https://login.example.org/jwks' }),
    ).toThrow(/not both/);
  });
});
