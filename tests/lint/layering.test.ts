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
    // The core imports no capability, composition or transport.
    ['electron/store/x.ts', "import { teamCapability } from '../team/index.ts';\nexport const a = teamCapability;"],
    ['electron/store/x.ts', "import { packsCapability } from '../packs/packs-capability.ts';\nexport const a = packsCapability;"],
    ['electron/store/merge/x.ts', "import { mergePackage } from '../../team/merge.ts';\nexport const a = mergePackage;"],
    ['electron/jobs/x.ts', "import { EngagementService } from '../engagement/engagement-service.ts';\nexport const a = EngagementService;"],
    ['electron/platform/x.ts', "import { PackLibrary } from '../packs/pack-library.ts';\nexport const a = PackLibrary;"],
    ['electron/store/x.ts', "import { Router } from '../router/router.ts';\nexport const a = Router;"],
    // A capability reaches another only through its index.ts, and the composition only through its service.
    ['electron/team/x.ts', "import { choosePack } from '../packs/engagement-packs.ts';\nexport const a = choosePack;"],
    ['electron/packs/x.ts', "import { mergePackage } from '../team/merge.ts';\nexport const a = mergePackage;"],
    ['electron/team/x.ts', "import { engagementCapabilities } from '../engagement/capabilities.ts';\nexport const a = engagementCapabilities;"],
    ['electron/packs/x.ts', "import { createRouter } from '../router/handlers/index.ts';\nexport const a = createRouter;"],
    ['electron/router/handlers/x.ts', "import { PackLibrary } from '../../packs/pack-library.ts';\nexport const a = PackLibrary;"],
    ['electron/profiles/x.ts', "import { choosePack } from '../packs/engagement-packs.ts';\nexport const a = choosePack;"],
    ['electron/store/x.ts', "import { ProfileLibrary } from '../profiles/index.ts';\nexport const a = ProfileLibrary;"],
    ['electron/team/x.ts', "import { renderDocx } from '../documents/docx-render.ts';\nexport const a = renderDocx;"],
    ['electron/documents/x.ts', "import { mergePackage } from '../team/merge.ts';\nexport const a = mergePackage;"],
    ['electron/team/x.ts', "import { attachUpload } from '../evidence/attach.ts';\nexport const a = attachUpload;"],
    ['electron/store/x.ts', "import { evidenceCapability } from '../evidence/index.ts';\nexport const a = evidenceCapability;"],
    ['electron/findings/x.ts', "import { closingCapability } from '../closing/closing-capability.ts';\nexport const a = closingCapability;"],
    ['electron/follow-up/x.ts', "import { findingsCapability } from '../findings/findings-capability.ts';\nexport const a = findingsCapability;"],
    ['electron/nc-documents/x.ts', "import { followUpCapability } from '../follow-up/follow-up-capability.ts';\nexport const a = followUpCapability;"],
    ['electron/store/x.ts', "import { ncDocumentsCapability } from '../nc-documents/index.ts';\nexport const a = ncDocumentsCapability;"],
    ['electron/report/x.ts', "import { ncDocumentsCapability } from '../nc-documents/nc-documents-capability.ts';\nexport const a = ncDocumentsCapability;"],
    ['electron/store/x.ts', "import { reportCapability } from '../report/index.ts';\nexport const a = reportCapability;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['electron/app/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/store/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/x.ts', "import { v7 } from 'uuid';\nexport const a = v7;"],
    ['electron/store/x.ts', "import { verifyChain } from './chain-check.ts';\nexport const a = verifyChain;"],
    ['electron/team/x.ts', "import { packToCopy } from '../packs/index.ts';\nexport const a = packToCopy;"],
    ['electron/team/x.ts', "import { verifyChain } from '../store/chain-check.ts';\nexport const a = verifyChain;"],
    ['electron/team/x.ts', "import type { EngagementService } from '../engagement/engagement-service.ts';\nexport type A = EngagementService;"],
    ['electron/engagement/x.ts', "import { teamCapability } from '../team/index.ts';\nexport const a = teamCapability;"],
    ['electron/team/x.ts', "import { DocumentRenderer } from '../documents/index.ts';\nexport const a = DocumentRenderer;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
