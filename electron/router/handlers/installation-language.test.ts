import { describe, expect, it } from 'vitest';
import { EngagementService } from '../../engagement/engagement-service.ts';
import { ask, testRouter } from '../../../tests/helpers/router.ts';
import { WORKER_DIR } from '../../../tests/helpers/temp.ts';

describe('the installation’s interface language', () => {
  it('is null until chosen, then kept across restarts with the user’s name and actor id', async () => {
    const { router, service, appData } = await testRouter();
    const before = await ask(router, 'installation:get', {});
    expect(before.value).toMatchObject({ name: 'Helen Marsh', language: null });

    const chosen = await ask(router, 'installation:set', { name: 'Helen Marsh', initials: 'HM', language: 'zh-CN' });
    expect(chosen.ok).toBe(true);
    expect(chosen.value).toMatchObject({ language: 'zh-CN', actorId: (before.value as { actorId: string }).actorId });
    // Renaming without a language keeps the language chosen.
    expect((await ask(router, 'installation:set', { name: 'Helen Marsh-Li', initials: 'HML' })).value).toMatchObject({ language: 'zh-CN' });

    await service.shutdown();
    const restarted = await EngagementService.start({ appDataDir: appData, workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
    try {
      expect(await restarted.installation()).toMatchObject({ name: 'Helen Marsh-Li', initials: 'HML', language: 'zh-CN' });
    } finally {
      await restarted.shutdown();
    }
  });

  it('refuses a language the app does not offer, changing nothing', async () => {
    const { router } = await testRouter();
    for (const language of ['zh-TW', 'fr', '', 'en-XA', 7]) {
      const refused = await ask(router, 'installation:set', { name: 'Someone Else', initials: 'SE', language });
      expect(refused).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    }
    expect((await ask(router, 'installation:get', {})).value).toMatchObject({ name: 'Helen Marsh', initials: 'HM', language: null });
  });
});

describe('the desktop menu in the interface language', () => {
  it('takes every label from the renderer; the browser host has no menu to relabel', async () => {
    const { router } = await testRouter();
    const labels = { file: '文件', newEngagement: '新建审核项目…', open: '打开…', saveCopy: '另存副本…', close: '关闭', edit: '编辑', view: '视图', window: '窗口' };
    expect(await ask(router, 'app:menuLabels', { labels })).toMatchObject({ ok: true, value: { applied: false } });
    const { window: _dropped, ...missingOne } = labels;
    expect(await ask(router, 'app:menuLabels', { labels: missingOne })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await ask(router, 'app:menuLabels', { labels: { ...labels, help: 'Help' } })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await ask(router, 'app:menuLabels', { labels: { ...labels, file: ' ' } })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
  });
});
