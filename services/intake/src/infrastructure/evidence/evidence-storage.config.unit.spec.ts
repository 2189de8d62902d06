import { join } from 'node:path';
import {
  DEFAULT_ATTACHMENT_CONTENT_TYPES,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  evidenceStorageConfigFromEnvironment,
  EvidenceStorageConfigurationError,
} from './evidence-storage.config';

const ROOT = '/srv/reprisals';
const configOf = (env: NodeJS.ProcessEnv) => evidenceStorageConfigFromEnvironment(env, ROOT);

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    configOf(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EvidenceStorageConfigurationError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('evidence storage configuration', () => {
  it('given nothing set outside production, when read, then files go to .data/attachments under the workspace, 50 MiB at most, of the default types', () => {
    expect(configOf({})).toEqual({
      directory: join(ROOT, '.data', 'attachments'),
      maxBytes: 50 * 1024 * 1024,
      contentTypes: [...DEFAULT_ATTACHMENT_CONTENT_TYPES],
    });
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(52_428_800);
  });

  it('given every variable, when read, then the directory is absolute, the limit a number and the list canonical', () => {
    expect(
      configOf({
        ATTACHMENTS_DIR: '/var/lib/reprisals/evidence',
        ATTACHMENT_MAX_BYTES: '1048576',
        ATTACHMENT_CONTENT_TYPES: 'application/pdf, Audio/MP3 ,image/heif,application/pdf',
      }),
    ).toEqual({
      directory: '/var/lib/reprisals/evidence',
      maxBytes: 1_048_576,
      contentTypes: ['application/pdf', 'audio/mpeg', 'image/heic'],
    });
  });

  it('given values that are not a size or not media types, when read, then the error names each variable', () => {
    const message = refusal({ ATTACHMENT_MAX_BYTES: '50MB', ATTACHMENT_CONTENT_TYPES: 'pdf,docx' });

    expect(message).toContain('ATTACHMENT_MAX_BYTES must be a number of bytes');
    expect(message).toContain('ATTACHMENT_CONTENT_TYPES.0 must list media types such as application/pdf');
  });

  it('given a limit of zero, when read, then it is refused', () => {
    expect(refusal({ ATTACHMENT_MAX_BYTES: '0' })).toContain('ATTACHMENT_MAX_BYTES must be at least 1 byte');
  });

  it('given production without ATTACHMENTS_DIR, when read, then it is refused; with one, accepted', () => {
    expect(refusal({ NODE_ENV: 'production' })).toContain(
      'ATTACHMENTS_DIR is required when NODE_ENV is production',
    );
    expect(configOf({ NODE_ENV: 'production', ATTACHMENTS_DIR: '/data/evidence' }).directory).toBe(
      '/data/evidence',
    );
  });
});
