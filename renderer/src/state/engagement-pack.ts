import type { ChecklistPack } from '../../../shared/checklist/pack.ts';
import { invoke } from '../contract/client.ts';

const loaded = new Map<string, Promise<ChecklistPack | null>>();

/**
 * The engagement's checklist pack, fetched once per engagement and pack (a few hundred KB of JSON
 * that never changes: choosing another pack changes its id). Sections that need it share the copy,
 * so switching to them does not wait for it again.
 */
export function engagementPack(handle: string, packId: string | null): Promise<ChecklistPack | null> {
  const key = `${handle}\u0000${packId ?? ''}`;
  let pack = loaded.get(key);
  if (!pack) {
    pack = invoke('engagement:checklist', { engagementHandle: handle }).then((view) => view?.pack ?? null);
    // Neither a failure nor "no pack yet" is kept: the next section that asks looks again.
    pack.then((found) => found === null && loaded.delete(key), () => loaded.delete(key));
    loaded.set(key, pack);
  }
  return pack;
}
