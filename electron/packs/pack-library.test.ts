import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import { CB_TABLE_META, cbPack, cbSheetRows, PackFiles } from '../../tests/fixtures/pack-files.ts';
import { mulberry32 } from '../../tests/helpers/prng.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { packFileText, packSha256 } from './pack-canonical.ts';
import { readCsvTable } from './pack-csv.ts';
import { PackImportError } from './pack-issues.ts';
import { LIBRARY_FOLDER, PackLibrary } from './pack-library.ts';
import { packFromTable } from './pack-table.ts';
import { parsePackJson } from './pack-validate.ts';

const SHIPPED_FILE = path.resolve(import.meta.dirname, '../../resources/checklists/iso20000-1-2018-amd1-2024.json');
const shippedText = fs.readFileSync(SHIPPED_FILE, 'utf8');
const shipped = parsePackJson(shippedText);
const SHIPPED_KEY = `aw.iso20000-1.2018-amd1-2024@${shipped.version}`;
const CB_ID = 'cb.nordcert.iso20000-1';

/** An installation's app-data folder and the library the app builds over it at start. */
function installation(): { appData: string; packsFolder: string; start: () => PackLibrary } {
  const appData = tempDir('aw-app-data-');
  return { appData, packsFolder: path.join(appData, LIBRARY_FOLDER), start: () => new PackLibrary(appData, [shipped]) };
}

/** The CB pack at another version, optionally retitled (a CB reworks its checklist each year). */
function cbVersion(version: string, title?: string): ChecklistPack {
  const pack = cbPack({ version });
  return title ? { ...pack, title: { ...pack.title, en: title } } : pack;
}

/** Every file in the library folder with the SHA-256 of its bytes. */
function folderSnapshot(folder: string): Record<string, string> {
  if (!fs.existsSync(folder)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [name, createHash('sha256').update(fs.readFileSync(path.join(folder, name))).digest('hex')]),
  );
}

function refusalOf(error: unknown): PackImportError {
  expect(error).toBeInstanceOf(PackImportError);
  return error as PackImportError;
}

/** The same value with the keys of every object in another order (arrays keep theirs). */
function shuffledKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffledKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return Object.fromEntries(keys.map((key) => [key, shuffledKeys((value as Record<string, unknown>)[key], random)]));
}

describe('the pack library', () => {
  it('lists the shipped pack with its counts, without creating the library folder', () => {
    const { packsFolder, start } = installation();
    const library = start();
    const plans = shipped.clauses.flatMap((clause) => clause.sampling ?? []);
    expect(library.list()).toEqual([
      {
        key: SHIPPED_KEY,
        id: 'aw.iso20000-1.2018-amd1-2024',
        version: shipped.version,
        title: 'ISO/IEC 20000-1:2018 + Amd 1:2024 certification audit checklist',
        criteria: 'ISO/IEC 20000-1:2018 + Amd 1:2024',
        publisher: shipped.publisher,
        source: 'shipped',
        sha256: packSha256(shipped),
        addedAt: null,
        counts: {
          clauses: 75,
          questions: shipped.clauses.reduce((sum, clause) => sum + (clause.questions ?? []).length, 0),
          processes: 21,
          samplingPlans: plans.length,
          attributes: plans.reduce((sum, plan) => sum + plan.attributes.length, 0),
        },
      },
    ]);
    expect(library.list()[0]!.counts.questions).toBeGreaterThan(200);
    expect(library.get(SHIPPED_KEY).pack).toBe(shipped);
    expect(library.unreadable).toEqual([]);
    expect(fs.existsSync(packsFolder)).toBe(false);
  });

  it('keeps an imported pack as one file in <app-data>/checklist-packs/, still there after a restart', async () => {
    const { packsFolder, start } = installation();
    const outcome = await start().add(cbPack());
    expect(outcome.status).toBe('imported');
    expect(outcome.pack).toMatchObject({ key: `${CB_ID}@1.0.0`, source: 'imported', publisher: 'NordCert GmbH', sha256: packSha256(cbPack()) });
    expect(fs.readdirSync(packsFolder)).toEqual([`${CB_ID}@1.0.0.json`]); // no temp file left beside it
    expect(parsePackJson(fs.readFileSync(path.join(packsFolder, `${CB_ID}@1.0.0.json`), 'utf8'))).toEqual({
      ...cbPack(),
      $schema: 'checklist-pack.schema.json',
    });

    const restarted = start();
    expect(restarted.list().map((entry) => [entry.key, entry.source])).toEqual([
      [SHIPPED_KEY, 'shipped'],
      [`${CB_ID}@1.0.0`, 'imported'],
    ]);
    expect(restarted.get(`${CB_ID}@1.0.0`).entry.sha256).toBe(packSha256(cbPack()));
    expect(restarted.get(`${CB_ID}@1.0.0`).entry.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(restarted.unreadable).toEqual([]);
  });

  it('says "already present" for the same pack again, also when its file had the keys in another order', async () => {
    const { packsFolder, start } = installation();
    const library = start();
    await library.add(cbPack());
    const before = folderSnapshot(packsFolder);
    expect((await library.add(cbPack())).status).toBe('already-present');
    const reordered = parsePackJson(JSON.stringify(shuffledKeys(cbPack(), mulberry32(7))));
    expect((await start().add(reordered)).status).toBe('already-present');
    expect(folderSnapshot(packsFolder)).toEqual(before);
  });

  it('refuses the same id and version with different content, asking for a higher version', async () => {
    const { packsFolder, start } = installation();
    const library = start();
    await library.add(cbPack());
    const before = folderSnapshot(packsFolder);
    const error = refusalOf(await library.add(cbVersion('1.0.0', 'NordCert checklist, corrected')).catch((e: unknown) => e));
    expect(error.issues).toEqual([
      {
        path: '/version',
        message: `Version 1.0.0 of "${CB_ID}" is already in the library with different content. Give the changed pack a higher version number.`,
      },
    ]);
    expect(error.message).toMatch(/higher version/);
    expect(folderSnapshot(packsFolder)).toEqual(before);
    expect(library.get(`${CB_ID}@1.0.0`).entry.title).toBe('NordCert ISO/IEC 20000-1 checklist');
  });

  it('refuses a lower version and writes nothing, before and after a restart', async () => {
    const { packsFolder, start } = installation();
    const library = start();
    await library.add(cbVersion('1.2.0'));
    const before = folderSnapshot(packsFolder);
    for (const attempt of [library, start()]) {
      const error = refusalOf(await attempt.add(cbVersion('1.1.0')).catch((e: unknown) => e));
      expect(error.issues).toEqual([
        { path: '/version', message: `The library already has version 1.2.0 of "${CB_ID}"; version 1.1.0 is older and is not imported.` },
      ]);
      expect(attempt.list().map((entry) => entry.key)).not.toContain(`${CB_ID}@1.1.0`);
    }
    expect(folderSnapshot(packsFolder)).toEqual(before);
  });

  it('adds a newer version beside the old one, the versions listed together, newest first', async () => {
    const { packsFolder, start } = installation();
    const library = start();
    await library.add(cbVersion('1.0.0'));
    // The new version is retitled so that it sorts before the shipped pack and the old title after it.
    expect((await library.add(cbVersion('1.9.0'))).status).toBe('imported');
    expect((await library.add(cbVersion('1.10.0', 'Certification checklist — NordCert'))).status).toBe('imported');
    const expected = [`${CB_ID}@1.10.0`, `${CB_ID}@1.9.0`, `${CB_ID}@1.0.0`, SHIPPED_KEY];
    expect(library.list().map((entry) => entry.key)).toEqual(expected);
    expect(start().list().map((entry) => entry.key)).toEqual(expected);
    expect(fs.readdirSync(packsFolder).sort()).toEqual([`${CB_ID}@1.0.0.json`, `${CB_ID}@1.10.0.json`, `${CB_ID}@1.9.0.json`]);
  });

  it('lists damaged files in the folder as unreadable and still loads the others', async () => {
    const { packsFolder, start } = installation();
    await start().add(cbPack());
    const files = new PackFiles(packsFolder);
    const cut = packFileText(cbVersion('2.0.0')).split('\n').slice(0, 6).join('\n');
    files.text(`${CB_ID}@2.0.0.json`, cut); // a copy cut off
    files.text('edited-by-hand.json', packFileText(cbVersion('3.0.0')).replace('"version": "3.0.0"', '"version": "3"'));
    files.text('readme.txt', 'not a pack');

    const library = start();
    expect(library.list().map((entry) => entry.key)).toEqual([SHIPPED_KEY, `${CB_ID}@1.0.0`]);
    expect(library.unreadable).toEqual([
      { file: `${CB_ID}@2.0.0.json`, problem: 'line 6: Not valid JSON at column 22: the file ends before the pack is complete (it may have been cut off while copying)' },
      { file: 'edited-by-hand.json', problem: 'line 6, /version: must be a version number such as 1.2.0 (MAJOR.MINOR.PATCH)' },
    ]);
  });
});

describe('exporting and importing a pack again', () => {
  it('gives the shipped pack back unchanged: same content, same SHA-256, the file byte for byte', () => {
    const text = packFileText(shipped);
    expect(text).toBe(shippedText);
    const again = parsePackJson(text);
    expect(again).toEqual(shipped);
    expect(packSha256(again)).toBe(packSha256(shipped));
  });

  it('gives a pack imported from CSV back unchanged, also through the library folder', async () => {
    const csv = new PackFiles(tempDir('aw-pack-files-')).csv('nordcert.csv', cbSheetRows(), { delimiter: ';', bom: true });
    const fromCsv = packFromTable(readCsvTable(fs.readFileSync(csv, 'utf8')), CB_TABLE_META, 'nordcert.csv');
    expect(fromCsv.$schema).toBeUndefined();

    const again = parsePackJson(packFileText(fromCsv));
    expect(again).toEqual({ ...fromCsv, $schema: 'checklist-pack.schema.json' });
    expect(packSha256(again)).toBe(packSha256(fromCsv));

    const { start } = installation();
    await start().add(fromCsv);
    const { entry, pack } = start().get(`${CB_ID}@1.0.0`);
    expect(entry.sha256).toBe(packSha256(fromCsv));
    expect(pack).toEqual(again);
  });

  it('identifies a pack by content whatever the order of keys in its objects (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), fc.integer(), (question, guidance, german, seed) => {
        const base = cbPack();
        const [c0, c1, c2, ...rest] = base.clauses;
        const q0 = c2!.questions![0]!;
        const pack: ChecklistPack = {
          ...base,
          clauses: [
            c0!,
            c1!,
            { ...c2!, questions: [{ ...q0, text: german ? { en: question, de: german } : { en: question }, guidance: { en: guidance } }, ...c2!.questions!.slice(1)] },
            ...rest,
          ],
        };
        const shuffled = shuffledKeys(pack, mulberry32(seed)) as ChecklistPack;
        expect(packSha256(shuffled)).toBe(packSha256(pack));
        // Not blind to content: one changed character is another pack.
        const changed: ChecklistPack = { ...pack, title: { ...pack.title, en: `${pack.title.en}.` } };
        expect(packSha256(changed)).not.toBe(packSha256(pack));
      }),
      propertyRuns('packSha256 ignores the order of object keys', 50),
    );
  });
});
