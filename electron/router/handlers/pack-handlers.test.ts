import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { ChecklistPack } from '../../../shared/checklist/pack.ts';
import type { ChannelName, ChannelOutput } from '../../../shared/contract/channels.ts';
import { sampleEngagement } from '../../../tests/helpers/engagements.ts';
import { testRouter } from '../../../tests/helpers/router.ts';
import { packSha256 } from '../../packs/pack-canonical.ts';
import type { Router } from '../router.ts';

import { shippedPacks } from '../../packs/shipped-packs.ts';

const SHIPPED_VERSION = shippedPacks()[0]!.version;
const SHIPPED = `aw.iso20000-1.2018-amd1-2024@${SHIPPED_VERSION}`;
/** A later version of the shipped pack, as a CB or a later app release would bring it. */
const NEWER = '9.0.0';
const OWNER = { owner: 'window:packs' };

const laptop = testRouter;

async function call<C extends ChannelName>(router: Router, channel: C, payload: unknown): Promise<ChannelOutput<C>> {
  const result = await router.dispatch(channel, payload, OWNER);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}

it('an engagement copies a library pack into its file, keeps it when the library changes, and the library shows the usage', async () => {
  const { router, workspace } = await laptop();
  const library = await call(router, 'packs:list', {});
  expect(library.packs.map((p) => p.key)).toEqual([SHIPPED]);
  expect(library.packs[0]!.counts.questions).toBeGreaterThan(200);

  const created = await call(router, 'engagement:create', { file: 'Northwind', fields: sampleEngagement() });
  const handle = created.summary.handle;
  expect(await call(router, 'engagement:checklist', { engagementHandle: handle })).toBeNull();

  // Export the shipped pack, raise its version, import it: a newer version beside the old one.
  await call(router, 'packs:export', { key: SHIPPED, file: 'shipped-pack' });
  const exported = JSON.parse(fs.readFileSync(path.join(workspace, 'shipped-pack.json'), 'utf8')) as ChecklistPack;
  fs.writeFileSync(path.join(workspace, 'newer.json'), JSON.stringify({ ...exported, version: NEWER }));

  const chosen = await call(router, 'engagement:choosePack', { engagementHandle: handle, key: SHIPPED });
  expect(chosen).toMatchObject({ key: SHIPPED, newerInLibrary: null });
  const imported = await call(router, 'packs:import', { file: 'newer.json' });
  expect(imported.status).toBe('imported');

  const checklist = (await call(router, 'engagement:checklist', { engagementHandle: handle }))!;
  expect(checklist.info).toMatchObject({ version: SHIPPED_VERSION, newerInLibrary: NEWER });
  expect(packSha256(checklist.pack)).toBe(chosen.sha256);

  const after = await call(router, 'packs:list', {});
  expect(after.packs.map((p) => p.key)).toEqual([`aw.iso20000-1.2018-amd1-2024@${NEWER}`, SHIPPED]);
  expect(after.packs.find((p) => p.key === SHIPPED)!.usedBy).toEqual([
    expect.objectContaining({ clientName: sampleEngagement().client_name, file: 'Northwind.iso20k' }),
  ]);

  // The engagement survives a reopen with the same pack content.
  await call(router, 'engagement:close', { engagementHandle: handle });
  const reopened = await call(router, 'engagement:open', { file: 'Northwind.iso20k' });
  const again = (await call(router, 'engagement:checklist', { engagementHandle: reopened.summary.handle }))!;
  expect(again.pack).toEqual(checklist.pack);
});

it('a refused import reports where and changes nothing; a lower version is refused', async () => {
  const { router, workspace, appData } = await laptop();
  fs.writeFileSync(path.join(workspace, 'broken.json'), '{\n  "format": "audit-workbench-checklist-pack",\n  "formatVersion": 1,\n  "id": "cb.x",\n}\n');
  const refused = await call(router, 'packs:import', { file: 'broken.json' });
  expect(refused).toMatchObject({ status: 'refused', fileName: 'broken.json' });
  expect(refused.status === 'refused' && refused.issues[0]).toMatchObject({ line: 4, message: expect.stringMatching(/comma/) });
  expect(fs.existsSync(path.join(appData, 'checklist-packs'))).toBe(false);

  await call(router, 'packs:export', { key: SHIPPED, file: 'shipped-pack' });
  const exported = JSON.parse(fs.readFileSync(path.join(workspace, 'shipped-pack.json'), 'utf8')) as ChecklistPack;
  fs.writeFileSync(path.join(workspace, 'older.json'), JSON.stringify({ ...exported, version: '0.9.0' }));
  const older = await call(router, 'packs:import', { file: 'older.json' });
  expect(older.status === 'refused' && older.issues[0]!.message).toMatch(new RegExp(`already has version ${SHIPPED_VERSION.replaceAll('.', '\\.')}.*0\\.9\\.0 is older`));
  expect(await call(router, 'packs:import', { file: 'shipped-pack.json' })).toMatchObject({ status: 'already-present' });
  expect((await router.dispatch('packs:get', { key: 'cb.none@1.0.0' }, OWNER)).ok).toBe(false);
});
