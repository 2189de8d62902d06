import type { Provider } from '@nestjs/common';
import { isAbsolute, join, resolve } from 'node:path';
import { findRepoRoot } from '@reprisals/persistence';
import { DISPATCH_PORT } from '../../domain/communication/dispatch.port';
import { FileDispatchAdapter } from './file-dispatch.adapter';

/** Outside production, without DISPATCH_DIR: the messages go to this directory under the workspace. */
export const DEVELOPMENT_DISPATCH_DIR = join('.data', 'dispatched');

/**
 * Where communications go: .eml files in DISPATCH_DIR (the standalone default; in production the
 * variable is required, so that nothing is written where nobody looks).
 */
export const dispatchProvider: Provider = {
  provide: DISPATCH_PORT,
  useFactory: () => {
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
    return new FileDispatchAdapter(directory, process.env['DISPATCH_FROM'] ?? 'reprisals@ohchr.example.org');
  },
};
