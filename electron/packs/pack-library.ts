import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { packKey, textIn, type ChecklistPack } from '../../shared/checklist/pack.ts';
import type { LibraryPackView } from '../../shared/contract/pack-views.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import { writeFileDurably } from '../platform/durable-write.ts';
import { readLibraryFolder } from '../platform/library-folder.ts';
import { packFileText, packSha256 } from './pack-canonical.ts';
import { packCounts } from './pack-counts.ts';
import { PackImportError, type PackIssue } from './pack-issues.ts';
import { parsePackJson } from './pack-validate.ts';

/** A pack version as the library holds it (the contract's view adds who uses it). */
export type LibraryPack = Omit<LibraryPackView, 'usedBy'>;

export type AddOutcome =
  | { readonly status: 'imported'; readonly pack: LibraryPack }
  | { readonly status: 'already-present'; readonly pack: LibraryPack };

interface Held {
  readonly entry: LibraryPack;
  readonly pack: ChecklistPack;
}

export const LIBRARY_FOLDER = 'checklist-packs';

/**
 * The installation's pack library: the packs that ship with the app (read-only, from resources) and
 * the ones a CB imported, one JSON file each in <app-data>/checklist-packs/. Plain files, so the
 * library survives a rebuilt app-data database, and a damaged file only hides that one pack.
 * Versioning: a pack id with a lower version than one held is refused; the same version is accepted
 * only with the same content; a newer version is added beside the older ones.
 */
export class PackLibrary {
  private readonly held = new Map<string, Held>();
  /** Files in the folder that no longer validate (edited by hand, damaged): shown, never used. */
  readonly unreadable: { file: string; problem: string }[] = [];
  private readonly folder: string;

  constructor(appDataDir: string, shipped: readonly ChecklistPack[]) {
    this.folder = path.join(appDataDir, LIBRARY_FOLDER);
    for (const pack of shipped) this.hold(pack, 'shipped', null);
    this.loadFolder();
  }

  private loadFolder(): void {
    readLibraryFolder(
      this.folder,
      (text, modified) => {
        const pack = parsePackJson(text);
        if (!this.held.has(packKey(pack))) this.hold(pack, 'imported', modified.toISOString());
      },
      (file, error) => this.unreadable.push({ file, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) }),
    );
  }

  private hold(pack: ChecklistPack, source: LibraryPack['source'], addedAt: string | null): LibraryPack {
    const entry: LibraryPack = {
      key: packKey(pack),
      id: pack.id,
      version: pack.version,
      title: textIn(pack.title, pack.defaultLanguage, pack.defaultLanguage),
      criteria: pack.standard.criteria,
      publisher: pack.publisher ?? '',
      source,
      sha256: packSha256(pack),
      addedAt,
      counts: packCounts(pack),
    };
    this.held.set(entry.key, { entry, pack });
    return entry;
  }

  /**
   * Packs by the title of their newest version, each pack's versions together, newest first. (Sorting
   * by each entry's own title broke the order when a newer version changed its title.)
   */
  list(): LibraryPack[] {
    const entries = [...this.held.values()].map((held) => held.entry);
    const titles = new Map(entries.map((entry) => [entry.id, this.newest(entry.id)?.title ?? entry.title]));
    const titleOf = (entry: LibraryPack): string => titles.get(entry.id) ?? entry.title;
    return entries.sort(
      (a, b) => titleOf(a).localeCompare(titleOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : semver.rcompare(a.version, b.version)),
    );
  }

  /** The highest version held of a pack id. */
  private newest(id: string): LibraryPack | undefined {
    let newest: LibraryPack | undefined;
    for (const { entry } of this.held.values()) {
      if (entry.id === id && (!newest || semver.gt(entry.version, newest.version))) newest = entry;
    }
    return newest;
  }

  get(key: string): { entry: LibraryPack; pack: ChecklistPack } {
    const held = this.held.get(key);
    if (!held) throw new StoreError('PACK_NOT_FOUND', `No checklist pack ${key} in the library`, { key });
    return held;
  }

  /** Adds a validated pack under the versioning rules; a refusal is a PackImportError with one issue. */
  async add(pack: ChecklistPack): Promise<AddOutcome> {
    const key = packKey(pack);
    const sha256 = packSha256(pack);
    const same = this.held.get(key);
    if (same) {
      if (same.entry.sha256 === sha256) return { status: 'already-present', pack: same.entry };
      throw refusal({
        path: '/version',
        message: `Version ${pack.version} of "${pack.id}" is already in the library with different content. Give the changed pack a higher version number.`,
      });
    }
    const newest = this.newest(pack.id);
    if (newest && semver.lt(pack.version, newest.version)) {
      throw refusal({
        path: '/version',
        message: `The library already has version ${newest.version} of "${pack.id}"; version ${pack.version} is older and is not imported.`,
      });
    }
    fs.mkdirSync(this.folder, { recursive: true });
    writeFileDurably(path.join(this.folder, `${pack.id}@${pack.version}.json`), packFileText(pack));
    return { status: 'imported', pack: this.hold(pack, 'imported', utcInstant()) };
  }
}

function refusal(issue: PackIssue): PackImportError {
  return new PackImportError([issue]);
}
