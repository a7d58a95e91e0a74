import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

describe('electron-builder.yml', () => {
  it("validates against app-builder-lib's own JSON schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(scheme);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a mistake (the schema check is not vacuous)', () => {
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(scheme);
    expect(validate({ ...config, fileAssociation: [] })).toBe(false);
    expect(validate({ ...config, nsis: { perMachine: 'yes' } })).toBe(false);
  });

  it('flips the fuses a release build needs', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('associates .iso20k files with the app, with a MIME type and an icon that exists', () => {
    const [association] = config.fileAssociations as Record<string, string>[];
    expect(association).toMatchObject({ ext: 'iso20k', mimeType: 'application/vnd.auditworkbench.engagement+sqlite', role: 'Editor' });
    for (const extension of ['ico', 'icns']) {
      expect(fs.existsSync(path.join(root, 'resources/build', `${association!.icon}.${extension}`))).toBe(true);
    }
    expect((config.linux as { mimeTypes: string[] }).mimeTypes).toContain(association!.mimeType);
  });

  it('installs per machine on Windows (so the association works) and targets dmg, AppImage and deb', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    const targets = (platform: string) => JSON.stringify((config[platform] as { target: unknown }).target);
    expect(targets('win')).toContain('nsis');
    expect(targets('mac')).toContain('dmg');
    expect(targets('linux')).toContain('AppImage');
    expect(targets('linux')).toContain('deb');
  });

  it('never rebuilds better-sqlite3, unpacks native code and workers, and ships no build folder', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'dist/workers/**', 'node_modules/better-sqlite3/**']));
    expect(config.files).toEqual(expect.arrayContaining(['!node_modules/better-sqlite3/build/**']));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/app/main.cjs');
    expect(JSON.stringify(pkg.scripts)).not.toContain('install-app-deps');
    expect(fs.existsSync(path.join(root, 'resources/build/icon.png'))).toBe(true);
  });
});
