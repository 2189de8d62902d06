import type { EventDefinition } from './integration-event';

export class UnsupportedSchemaVersionError extends Error {
  constructor(wireType: string, version: number, current: number) {
    super(`${wireType} has schema version ${version}; this reader knows versions up to ${current}`);
  }
}

/** Brings data written with an older schema version up to the definition's current version. */
export function upcastData(definition: EventDefinition, version: number, data: unknown): unknown {
  if (version > definition.version || version < 1) {
    throw new UnsupportedSchemaVersionError(definition.wireType, version, definition.version);
  }
  let current = data;
  for (let from = version; from < definition.version; from += 1) {
    const step = definition.upcasters.find((upcaster) => upcaster.fromVersion === from);
    if (!step) {
      throw new UnsupportedSchemaVersionError(definition.wireType, version, definition.version);
    }
    current = step.upcast(current);
  }
  return current;
}
