import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

describe('layering rules (DESIGN.md: what may import what)', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/x.ts', 'export const a = document.title;'],
    ['electron/store/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/x.ts', "import { EngagementService } from '../electron/engagement/engagement-service.ts';\nexport const a = EngagementService;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['electron/app/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/store/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/x.ts', "import { v7 } from 'uuid';\nexport const a = v7;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
