import { createHash } from 'node:crypto';

/** Sorted keys at every level, "$schema" left out: the same content gives the same text whatever order its file had. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => key !== '$schema')
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** A JSON document's identity by content (packs, CB profiles): what libraries, engagement copies and the merge compare. */
export function contentSha256(value: object): string {
  return createHash('sha256').update(JSON.stringify(sortedKeys(value))).digest('hex');
}

/** A JSON document as a readable file that names its schema first (the export format of packs and profiles). */
export function schemaFileText(value: { readonly $schema?: string }, schema: string): string {
  const { $schema: _ignored, ...rest } = value;
  return `${JSON.stringify({ $schema: schema, ...rest }, null, 2)}\n`;
}
