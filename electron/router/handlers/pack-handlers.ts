import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { packKey, type ChecklistPack } from '../../../shared/checklist/pack.ts';
import type { EngagementPackView, LibraryPackView, PackImportView } from '../../../shared/contract/pack-views.ts';
import { StoreError } from '../../../shared/store-errors.ts';
import {
  PackImportError,
  PackLibrary,
  chooseEngagementPack,
  packFileText,
  packSha256,
  packToCopy,
  readPackFile,
  shippedPacks,
  type EngagementPackInfo,
  type LibraryPack,
} from '../../packs/index.ts';
import { writeFileDurably } from '../../platform/durable-write.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The Checklist library (this computer's packs) and each engagement's own copy of its pack. */
export function registerPackHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  // Read on the first pack call, not while the app starts: most sessions never open the library.
  let held: PackLibrary | null = null;
  const lib = (): PackLibrary => (held ??= new PackLibrary(platform.appDataDir, shippedPacks()));

  const libraryView = async (entries: readonly LibraryPack[]): Promise<LibraryPackView[]> => {
    const usage = await service.listPackUsage();
    return entries.map((entry) => ({
      ...entry,
      usedBy: usage
        .filter((use) => use.packKey === entry.key)
        .map((use) => ({ engagementId: use.engagementId, clientName: use.clientName, file: platform.displayFile(use.path) })),
    }));
  };

  const engagementPackView = (info: EngagementPackInfo): EngagementPackView => {
    const newest = lib().list().find((entry) => entry.id === info.pack_id);
    return {
      key: packKey({ id: info.pack_id, version: info.version }),
      packId: info.pack_id,
      version: info.version,
      title: info.title,
      sha256: info.sha256,
      addedAt: info.added_at,
      newerInLibrary: newest && semver.gt(newest.version, info.version) ? newest.version : null,
    };
  };

  router.register('packs:list', async () => ({ packs: await libraryView(lib().list()), unreadable: lib().unreadable }));

  router.register('packs:get', ({ key }) => lib().get(key).pack);

  router.register('packs:import', async ({ file, table }): Promise<PackImportView> => {
    const source = platform.resolveFile(file, 'open', 'checklist');
    if (!fs.existsSync(source)) throw new StoreError('FILE_NOT_FOUND', `${source} does not exist`, { path: platform.displayFile(source) });
    try {
      const outcome = await lib().add(await readPackFile(source, table ?? null));
      const [pack] = await libraryView([outcome.pack]);
      return { status: outcome.status, pack: pack! };
    } catch (error) {
      if (!(error instanceof PackImportError)) throw error;
      return { status: 'refused', fileName: path.basename(source), issues: error.issues, more: error.more };
    }
  });

  router.register('packs:export', async ({ key, file }) => {
    const { pack } = lib().get(key);
    const destination = platform.resolveFile(file, 'save', 'checklist');
    writeFileDurably(destination, packFileText(pack));
    return { file: platform.displayFile(destination), sha256: packSha256(pack) };
  });

  router.register('engagement:choosePack', async ({ engagementHandle, key }) => {
    const { entry, pack } = lib().get(key);
    const info = await chooseEngagementPack(service, engagementHandle, packToCopy(pack, entry.sha256));
    return engagementPackView(info);
  });

  router.register('engagement:checklist', async ({ engagementHandle }) => {
    const row = await service.call(engagementHandle, 'checklistPack');
    if (!row) return null;
    const { content, ...info } = row;
    const pack = JSON.parse(content) as ChecklistPack;
    if (packKey(pack) !== packKey({ id: info.pack_id, version: info.version })) throw new StoreError('CORRUPT', 'The engagement\'s checklist pack does not match its record');
    return { info: engagementPackView(info), pack };
  });
}
