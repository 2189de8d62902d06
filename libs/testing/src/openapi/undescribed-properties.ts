/** The parts of a JSON Schema (as OpenAPI documents hold them) that describe fields. */
export interface DescribedSchema {
  description?: string;
  properties?: Record<string, DescribedSchema>;
  items?: DescribedSchema;
  anyOf?: DescribedSchema[];
  oneOf?: DescribedSchema[];
  example?: unknown;
}

/** The path of every property, nested ones included, that has no description. */
export function undescribedProperties(node: DescribedSchema, path: string): string[] {
  const own = Object.entries(node.properties ?? {}).flatMap(([name, property]) => [
    ...(property.description ? [] : [`${path}.${name}`]),
    ...undescribedProperties(property, `${path}.${name}`),
  ]);
  const nested = [node.items, ...(node.anyOf ?? []), ...(node.oneOf ?? [])]
    .filter((child): child is DescribedSchema => child !== undefined)
    .flatMap((child) => undescribedProperties(child, `${path}[]`));
  return [...own, ...nested];
}
