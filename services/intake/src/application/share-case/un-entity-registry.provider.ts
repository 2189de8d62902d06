import type { Provider } from '@nestjs/common';
import { loadEntityRegistry } from '@reprisals/case-access';

/** The registry of UN entities a case can be shared with, loaded once at start. */
export const UN_ENTITY_REGISTRY = Symbol('UnEntityRegistry');

export const unEntityRegistryProvider: Provider = {
  provide: UN_ENTITY_REGISTRY,
  useFactory: () => loadEntityRegistry(),
};
