import type { Provider } from '@nestjs/common';
import type { SealedFileStore } from './sealed-file.store';

/**
 * A service's storage configuration under `configToken` and its store (the service's own
 * SealedFileStore class, also its token), read and prepared when the service starts: a
 * configuration that cannot be read, or a directory that cannot be created, stops the process
 * before it serves.
 */
export function sealedFileStorageProviders<C extends { directory: string }>(options: {
  configToken: symbol;
  config: () => C;
  store: new (directory: string) => SealedFileStore;
}): Provider[] {
  const { configToken, config, store: Store } = options;
  return [
    { provide: configToken, useFactory: config },
    {
      provide: Store,
      inject: [configToken],
      useFactory: async ({ directory }: C) => {
        const store = new Store(directory);
        await store.prepare();
        return store;
      },
    },
  ];
}
