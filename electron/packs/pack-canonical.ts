import { createHash } from 'node:crypto';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';

/** Sorted keys at every level: the same pack gives the same text whatever order its file had. */
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

/** The pack's identity by content: what the library, the engagement copy and the merge compare. */
export function packSha256(pack: ChecklistPack): string {
  return createHash('sha256').update(JSON.stringify(sortedKeys(pack))).digest('hex');
}

/** The export format: the pack as a readable JSON file that validates against the schema. */
export function packFileText(pack: ChecklistPack): string {
  const { $schema: _ignored, ...rest } = pack;
  return `${JSON.stringify({ $schema: 'checklist-pack.schema.json', ...rest }, null, 2)}\n`;
}
