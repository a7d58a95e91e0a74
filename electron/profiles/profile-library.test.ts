import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import { importInto, issueMemberCopy, openLaptop, returnPackage } from '../../tests/helpers/merge.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { BAD_TEMPLATES } from '../../tests/fixtures/template-files.ts';
import { cbProfile, cbProfileWithTemplates, planTemplate } from '../../tests/helpers/profiles.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { chooseProfile, currentProfile, type ProfileToCopy } from './engagement-profiles.ts';
import { ProfileImportError, profileFileText, profileSha256, readProfileFile } from './profile-file.ts';
import { PROFILE_LIBRARY_FOLDER, ProfileLibrary } from './profile-library.ts';
import { shippedProfiles } from './shipped-profiles.ts';

const DEFAULT = shippedProfiles()[0]!;
const DEFAULT_KEY = 'aw.default@1.0.0';

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProfileImportError) return error.issues;
    throw error;
  }
  throw new Error('not refused');
};

describe('the CB profile library in app data', () => {
  it('always holds the shipped default, which validates', () => {
    const library = new ProfileLibrary(tempDir(), shippedProfiles());
    expect(library.list()).toEqual([expect.objectContaining({ key: DEFAULT_KEY, source: 'shipped', cbName: null, tableSource: 'not-provided', auditTimeRows: 0 })]);
    expect(library.get(DEFAULT_KEY).profile.id).toBe('aw.default');
    expect(() => library.get('cb.none@1.0.0')).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }));
  });

  it('imports a good file into <app-data>/cb-profiles/, and a new library on the same folder finds it', () => {
    const appData = tempDir();
    const file = write(tempDir(), 'northbridge.json', JSON.stringify(cbProfile(), null, 2));
    const library = new ProfileLibrary(appData, shippedProfiles());
    const outcome = library.add(readProfileFile(file));
    expect(outcome).toMatchObject({ status: 'imported', profile: { key: 'cb.northbridge@1.0.0', cbName: 'Northbridge Certification Ltd', auditTimeRows: 2, source: 'imported' } });
    expect(library.add(readProfileFile(file)).status).toBe('already-present');
    expect(fs.readdirSync(path.join(appData, PROFILE_LIBRARY_FOLDER))).toEqual(['cb.northbridge@1.0.0.json']);
    const reopened = new ProfileLibrary(appData, shippedProfiles());
    expect(reopened.list().map((p) => p.key)).toEqual([DEFAULT_KEY, 'cb.northbridge@1.0.0']);
  });

  it.each([
    ['not JSON', '{ "format": ', 'NOT_JSON'],
    ['a newer format', JSON.stringify({ ...cbProfile(), formatVersion: 3 }), 'NEWER_FORMAT'],
    ['a missing field', JSON.stringify({ ...cbProfile(), grades: undefined }, null, 2), 'MISSING_FIELD'],
  ])('refuses %s with its issues and stores nothing', (_name, text, code) => {
    const appData = tempDir();
    const library = new ProfileLibrary(appData, shippedProfiles());
    const issues = issuesOf(() => library.add(readProfileFile(write(tempDir(), 'bad.json', text))));
    expect(issues[0]).toMatchObject({ code });
    expect(library.list()).toHaveLength(1);
    expect(fs.existsSync(path.join(appData, PROFILE_LIBRARY_FOLDER))).toBe(false);
  });

  it('names path and line of every issue', () => {
    const broken = { ...cbProfile(), grades: undefined, photoPolicy: 'keep-everything' };
    const issues = issuesOf(() => readProfileFile(write(tempDir(), 'bad.json', JSON.stringify(broken, null, 2))));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_FIELD', path: '/grades' }),
        expect.objectContaining({ code: 'WRONG_VALUE', path: '/photoPolicy', line: expect.any(Number) }),
      ]),
    );
  });

  it('refuses a file that is not UTF-8', () => {
    const file = path.join(tempDir(), 'latin1.json');
    fs.writeFileSync(file, Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(issuesOf(() => readProfileFile(file))).toEqual([expect.objectContaining({ code: 'NOT_JSON', params: { reason: 'not-utf8' } })]);
  });

  it('keeps the versioning rules of the pack library: same version other content refused, older refused, newer beside', () => {
    const library = new ProfileLibrary(tempDir(), shippedProfiles());
    library.add(cbProfile('1.1.0'));
    expect(issuesOf(() => library.add({ ...cbProfile('1.1.0'), photoPolicy: 'keep-capture-time' }))).toEqual([expect.objectContaining({ code: 'SAME_VERSION_OTHER_CONTENT' })]);
    expect(issuesOf(() => library.add(cbProfile('1.0.0')))).toEqual([expect.objectContaining({ code: 'OLDER_THAN_LIBRARY', params: expect.objectContaining({ held: '1.1.0' }) })]);
    library.add(cbProfile('2.0.0'));
    expect(library.list().map((p) => p.key)).toEqual([DEFAULT_KEY, 'cb.northbridge@2.0.0', 'cb.northbridge@1.1.0']);
  });

  it('exports a file that imports again as the same content', () => {
    const dir = tempDir();
    const file = write(dir, 'exported.json', profileFileText(DEFAULT));
    const again = readProfileFile(file);
    expect(profileSha256(again)).toBe(profileSha256(DEFAULT));
    expect(new ProfileLibrary(tempDir(), shippedProfiles()).add(again).status).toBe('already-present');
  });

  it('a format 2 profile with templates imports, reopens, exports (naming its format\'s schema) and imports again as the same content', () => {
    const appData = tempDir();
    const profile = cbProfileWithTemplates();
    const file = write(tempDir(), 'northbridge-2.json', JSON.stringify(profile, null, 2));
    const library = new ProfileLibrary(appData, shippedProfiles());
    expect(library.add(readProfileFile(file))).toMatchObject({ status: 'imported', profile: { key: 'cb.northbridge@2.0.0' } });
    const reopened = new ProfileLibrary(appData, shippedProfiles());
    expect(reopened.get('cb.northbridge@2.0.0').profile.templates?.map((t) => t.key)).toEqual(['plan-en', 'plan-zh']);
    const exported = write(tempDir(), 'exported.json', profileFileText(reopened.get('cb.northbridge@2.0.0').profile));
    expect(JSON.parse(fs.readFileSync(exported, 'utf8'))).toMatchObject({ $schema: 'cb-profile-2.schema.json', formatVersion: 2 });
    expect(profileSha256(readProfileFile(exported))).toBe(profileSha256(profile));
    expect(reopened.add(readProfileFile(exported)).status).toBe('already-present');
  });

  it.each([
    ['a macro-enabled .docm', 'MACRO_ENABLED'],
    ['a linked remote image', 'EXTERNAL_CONTENT'],
    ['a Word template (.dotx)', 'NOT_DOCX'],
  ])('refuses a profile whose template is %s, naming the template and why; stores nothing', (name, reason) => {
    const appData = tempDir();
    const bad = BAD_TEMPLATES.find((template) => template.name === name)!.bytes();
    const profile = cbProfileWithTemplates('2.0.0', [planTemplate(), planTemplate('plan-bad', 'en', bad)]);
    const library = new ProfileLibrary(appData, shippedProfiles());
    const issues = issuesOf(() => library.add(readProfileFile(write(tempDir(), 'bad.json', JSON.stringify(profile, null, 2)))));
    expect(issues).toEqual([expect.objectContaining({ code: 'TEMPLATE_UNUSABLE', path: '/templates/1/data', params: expect.objectContaining({ reason, fileName: 'plan-bad.docx' }) })]);
    expect(fs.existsSync(path.join(appData, PROFILE_LIBRARY_FOLDER))).toBe(false);
  });

  it('a format 1 profile stays format 1: the same identity after this update, exported under the format 1 schema', () => {
    const v1 = cbProfile();
    const exported = profileFileText(v1);
    expect(JSON.parse(exported)).toMatchObject({ $schema: 'cb-profile.schema.json', formatVersion: 1 });
    expect(JSON.parse(exported)).not.toHaveProperty('templates');
    expect(profileSha256(readProfileFile(write(tempDir(), 'v1.json', exported)))).toBe(profileSha256(v1));
  });

  it('lists a damaged library file as unreadable and keeps the rest', () => {
    const appData = tempDir();
    fs.mkdirSync(path.join(appData, PROFILE_LIBRARY_FOLDER));
    write(path.join(appData, PROFILE_LIBRARY_FOLDER), 'broken@1.0.0.json', '{');
    const library = new ProfileLibrary(appData, shippedProfiles());
    expect(library.unreadable).toEqual([{ file: 'broken@1.0.0.json', codes: ['NOT_JSON'] }]);
    expect(library.list()).toHaveLength(1);
  });
});

const readProfileFileText = (text: string): CbProfile => readProfileFile(write(tempDir(), 'copy.json', text));
const toCopy = (profile: CbProfile): ProfileToCopy => ({ profileId: profile.id, version: profile.version, sha256: profileSha256(profile), title: profile.title.en!, content: JSON.stringify(profile) });

describe('the engagement\'s copy of a profile', () => {
  it('choosing copies the profile in and names it on the engagement; the same content twice is one row', () => {
    const { store, db } = newEngagementStore();
    expect(currentProfile(db)).toBeNull();
    const first = chooseProfile(store, toCopy(cbProfile()), ACTOR_DANA, Date.now());
    expect(first).toMatchObject({ profile_id: 'cb.northbridge', version: '1.0.0', sha256: profileSha256(cbProfile()) });
    expect(store.getRow('engagement', store.engagementId).cb_profile_id).toBe(first.id);
    chooseProfile(store, toCopy(DEFAULT), ACTOR_DANA, Date.now());
    const again = chooseProfile(store, toCopy(cbProfile()), ACTOR_DANA, Date.now() + 1000);
    expect(again.id).toBe(first.id);
    expect(again.added_at).toBe(first.added_at);
    expect(db.prepare('SELECT COUNT(*) FROM cb_profile').pluck().get()).toBe(2);
    expect(JSON.parse(currentProfile(db)!.content)).toEqual(cbProfile());
    expect(store.verifyChain()).toMatchObject({ ok: true });
  });

  it('a format 2 profile is chosen like a format 1: its templates travel in the engagement\'s copy', () => {
    const { store, db } = newEngagementStore();
    const profile = cbProfileWithTemplates();
    chooseProfile(store, toCopy(profile), ACTOR_DANA, Date.now());
    const copy = readProfileFileText(currentProfile(db)!.content);
    expect(copy.templates?.map((t) => [t.key, t.data])).toEqual(profile.templates!.map((t) => [t.key, t.data]));
  });

  it('a profile chosen in a member copy arrives whole in the lead\'s file', () => {
    const dir = tempDir();
    const made = newEngagementStore({ actorId: ACTOR_DANA });
    made.db.close();
    const dana = openLaptop(made.file, ACTOR_DANA);
    const lee = issueMemberCopy(dana, dir, 'Lee', ACTOR_LEE);
    const chosen = chooseProfile(lee.store, toCopy(cbProfile()), ACTOR_LEE, Date.now());
    expect(importInto(dana, returnPackage(lee, 'Lee')).entriesAdded).toBe(2);
    expect(currentProfile(dana.db)).toMatchObject({ id: chosen.id, sha256: chosen.sha256 });
    expect(importInto(dana, returnPackage(lee, 'Lee'))).toMatchObject({ entriesAdded: 0, rowsAdded: 0 });
    expect(dana.store.verifyChain()).toMatchObject({ ok: true });
  });
});
