import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ask, routerWithEngagement, testRouter } from '../../../tests/helpers/router.ts';
import { cbProfile } from '../../../tests/helpers/profiles.ts';

const DEFAULT_KEY = 'aw.default@1.0.0';

it('lists the default, imports a CB profile from the workspace, and an engagement keeps its copy', async () => {
  const { router, workspace, handle } = await routerWithEngagement();
  expect((await ask(router, 'profiles:list', {})).value).toMatchObject({ profiles: [{ key: DEFAULT_KEY }], unreadable: [] });
  expect((await ask(router, 'engagement:profile', { engagementHandle: handle })).value).toBeNull();

  fs.writeFileSync(path.join(workspace, 'northbridge.json'), JSON.stringify(cbProfile(), null, 2));
  const imported = await ask(router, 'profiles:import', { file: 'northbridge.json' });
  expect(imported.value).toMatchObject({ status: 'imported', profile: { key: 'cb.northbridge@1.0.0', cbName: 'Northbridge Certification Ltd' } });

  const chosen = await ask(router, 'engagement:chooseProfile', { engagementHandle: handle, key: 'cb.northbridge@1.0.0' });
  expect(chosen.value).toMatchObject({ key: 'cb.northbridge@1.0.0', cbName: 'Northbridge Certification Ltd', auditTimeRows: 2 });
  const held = await ask(router, 'engagement:profile', { engagementHandle: handle });
  expect(held.value).toMatchObject({ key: 'cb.northbridge@1.0.0', profile: { id: 'cb.northbridge' } });

  const exported = await ask(router, 'profiles:export', { key: DEFAULT_KEY, file: 'default-copy' });
  expect(exported.value).toMatchObject({ file: 'default-copy.json' });
  expect((await ask(router, 'profiles:import', { file: 'default-copy.json' })).value).toMatchObject({ status: 'already-present' });
});

it('refuses a broken file with every issue, and changes nothing', async () => {
  const { router, workspace } = await testRouter();
  fs.writeFileSync(path.join(workspace, 'broken.json'), JSON.stringify({ ...cbProfile(), grades: [], photoPolicy: 'all' }, null, 2));
  const refused = await ask(router, 'profiles:import', { file: 'broken.json' });
  expect(refused.value).toMatchObject({ status: 'refused', fileName: 'broken.json' });
  expect((refused.value as { issues: unknown[] }).issues.length).toBeGreaterThanOrEqual(2);
  expect((await ask(router, 'profiles:list', {})).value).toMatchObject({ profiles: [{ key: DEFAULT_KEY }] });
});

it('refuses unknown profiles, missing files and malformed payloads', async () => {
  const { router, handle } = await routerWithEngagement();
  expect(await ask(router, 'engagement:chooseProfile', { engagementHandle: handle, key: 'cb.none@1.0.0' })).toMatchObject({ ok: false, code: 'PROFILE_NOT_FOUND' });
  expect(await ask(router, 'profiles:get', { key: 'cb.none@1.0.0' })).toMatchObject({ ok: false, code: 'PROFILE_NOT_FOUND' });
  expect(await ask(router, 'profiles:import', { file: 'absent.json' })).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' });
  expect(await ask(router, 'profiles:get', { key: 'not a key' })).toMatchObject({ ok: false });
  expect(await ask(router, 'engagement:chooseProfile', { engagementHandle: 'nope', key: DEFAULT_KEY })).toMatchObject({ ok: false });
});
