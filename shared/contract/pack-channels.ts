import type { ChecklistPack } from '../checklist/pack.ts';
import { channel } from './channel.ts';
import type { EngagementChecklistView, EngagementPackView, PackImportView, PackLibraryView } from './pack-views.ts';
import { empty, fileRefSchema, handleSchema, packKeySchema, tablePackMetaSchema, withHandle } from './schemas.ts';
import { z } from 'zod';

/** The checklist library on this computer and the engagement's own copy of a pack. */
export const PACK_CHANNELS = {
  'packs:list': channel<PackLibraryView>()(empty),
  'packs:get': channel<ChecklistPack>()(z.object({ key: packKeySchema }).strict()),
  'packs:import': channel<PackImportView>()(z.object({ file: fileRefSchema, table: tablePackMetaSchema.optional() }).strict()),
  'packs:export': channel<{ file: string; sha256: string }>()(z.object({ key: packKeySchema, file: fileRefSchema }).strict()),
  'engagement:choosePack': channel<EngagementPackView>()(z.object({ engagementHandle: handleSchema, key: packKeySchema }).strict()),
  'engagement:checklist': channel<EngagementChecklistView | null>()(withHandle),
} as const;
