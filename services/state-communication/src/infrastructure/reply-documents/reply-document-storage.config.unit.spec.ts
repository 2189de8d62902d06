import { join } from 'node:path';
import {
  REPLY_DOCUMENT_MAX_BYTES,
  REPLY_DOCUMENT_MEDIA_TYPES,
  replyDocumentStorageConfigFromEnvironment,
  ReplyDocumentStorageConfigurationError,
} from './reply-document-storage.config';

const ROOT = '/srv/reprisals';
const configOf = (env: NodeJS.ProcessEnv) => replyDocumentStorageConfigFromEnvironment(env, ROOT);

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    configOf(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ReplyDocumentStorageConfigurationError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('reply document storage configuration', () => {
  it('given nothing set outside production, when read, then documents go to .data/reply-documents under the workspace, 50 MiB at most', () => {
    expect(configOf({ REPLY_DOCUMENTS_DIR: '  ' })).toEqual({
      directory: join(ROOT, '.data', 'reply-documents'),
      maxBytes: 52_428_800,
      mediaTypes: REPLY_DOCUMENT_MEDIA_TYPES,
    });
    expect(REPLY_DOCUMENT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it('given a relative directory, when read, then it is made absolute', () => {
    expect(configOf({ REPLY_DOCUMENTS_DIR: 'var/replies' }).directory).toBe(
      join(process.cwd(), 'var/replies'),
    );
  });

  it('given production without REPLY_DOCUMENTS_DIR, when read, then it is refused naming the variable; with one, accepted', () => {
    expect(refusal({ NODE_ENV: 'production' })).toContain(
      'REPLY_DOCUMENTS_DIR is required when NODE_ENV is production',
    );
    expect(configOf({ NODE_ENV: 'production', REPLY_DOCUMENTS_DIR: '/data/replies' }).directory).toBe(
      '/data/replies',
    );
  });
});
