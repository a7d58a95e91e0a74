import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from './host.ts';

/**
 * Builds the demo engagement once for the whole suite: every host the tests start copies it when a
 * test opens the demo (`--demo-template`), instead of building it again (about 2 s of a busy worker
 * each time, on most journeys). The demo's own construction is tested in
 * electron/engagement/demo-engagement.test.ts, and one journey builds it through the screens.
 */
export default async function globalSetup(): Promise<() => void> {
  const host = await startHost({ name: 'demo-builder', demoTemplate: null });
  const session = randomUUID();
  const post = async (channel: string, payload: Record<string, unknown>): Promise<unknown> => {
    const response = await fetch(`${host.origin}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'X-Page-Session': session, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-e2e-demo-'));
  const template = path.join(folder, 'demo-template.iso20k');
  try {
    await post('installation:set', { name: 'Demo builder', initials: 'DB' });
    const opened = (await post('engagement:openDemo', {})) as { summary: { handle: string } };
    await post('engagement:close', { engagementHandle: opened.summary.handle });
    // Copied while the host still exists: stopping it removes its workspace.
    fs.copyFileSync(path.join(host.workspace, 'Demo - Kestrel Data Services.iso20k'), template);
  } finally {
    await host.stop();
  }
  process.env.AW_E2E_DEMO_TEMPLATE = template;
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
