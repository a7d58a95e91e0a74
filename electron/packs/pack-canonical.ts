import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import { contentSha256, schemaFileText } from '../platform/content-hash.ts';

/** The pack's identity by content: what the library, the engagement copy and the merge compare. */
export function packSha256(pack: ChecklistPack): string {
  return contentSha256(pack);
}

/** The export format: the pack as a readable JSON file that validates against the schema. */
export function packFileText(pack: ChecklistPack): string {
  return schemaFileText(pack, 'checklist-pack.schema.json');
}
