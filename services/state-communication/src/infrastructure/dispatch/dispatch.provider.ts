import type { Provider } from '@nestjs/common';
import { isAbsolute, join, resolve } from 'node:path';
import { findRepoRoot } from '@reprisals/persistence';
import { DISPATCH_PORT } from '../../domain/communication/dispatch.port';
import { FileDispatchAdapter } from './file-dispatch.adapter';
import { SmtpDispatchAdapter } from './smtp-dispatch.adapter';

/** Outside production, without DISPATCH_DIR: the messages go to this directory under the workspace. */
export const DEVELOPMENT_DISPATCH_DIR = join('.data', 'dispatched');

/**
 * Where communications go: to the SMTP server of SMTP_URL when it is set, otherwise .eml files in
 * DISPATCH_DIR (the standalone default; in production one of the two is required, so that nothing
 * is written where nobody looks).
 */
export const dispatchProvider: Provider = {
  provide: DISPATCH_PORT,
  useFactory: () => {
    const from = process.env['DISPATCH_FROM'] ?? 'reprisals@ohchr.example.org';
    const smtp = process.env['SMTP_URL']?.trim();
    if (smtp) return new SmtpDispatchAdapter(smtp, from);
    const configured = process.env['DISPATCH_DIR']?.trim();
    if (!configured && process.env['NODE_ENV'] === 'production')
      throw new Error(
        'DISPATCH_DIR must be set in production: where communications to Permanent Missions are written',
      );
    const directory = configured
      ? isAbsolute(configured)
        ? configured
        : resolve(configured)
      : join(findRepoRoot(), DEVELOPMENT_DISPATCH_DIR);
    return new FileDispatchAdapter(directory, from);
  },
};
