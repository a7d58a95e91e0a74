import { afterEach } from 'vitest';
import { APP_VERSION } from '../../shared/app-version.ts';
import type { ChannelName } from '../../shared/contract/channels.ts';
import type { JobEvent } from '../../shared/contract/views.ts';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { WorkspacePlatform } from '../../electron/host/workspace-platform.ts';
import { JobHub } from '../../electron/jobs/job-hub.ts';
import { HandleLeases } from '../../electron/router/handle-leases.ts';
import { createRouter } from '../../electron/router/handlers/index.ts';
import type { Router } from '../../electron/router/router.ts';
import { sampleEngagement } from './engagements.ts';
import { WORKER_DIR, tempDir } from './temp.ts';

/** The caller of every request in router tests: one window or page session. */
export const OWNER = { owner: 'window:test' };

const running: EngagementService[] = [];
afterEach(async () => {
  for (const service of running.splice(0)) await service.shutdown();
});

/** What a request or a job ended with, as the renderer would see it. */
export interface Outcome {
  readonly ok: boolean;
  readonly value: unknown;
  readonly code: string | null;
  readonly params: Record<string, unknown>;
}

/** A router as the browser host mounts it, on a real service with its own app data and workspace; shut down after the test. */
export async function testRouter(): Promise<{ router: Router; service: EngagementService; workspace: string; appData: string }> {
  const appData = tempDir();
  const service = await EngagementService.start({ appDataDir: appData, workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
  running.push(service);
  await service.setInstallationUser('Helen Marsh', 'HM');
  const workspace = tempDir();
  const router = createRouter({
    service,
    platform: new WorkspacePlatform({ workspaceDir: workspace, appDataDir: appData }),
    leases: new HandleLeases(),
    jobs: new JobHub(),
    appVersion: APP_VERSION,
  });
  return { router, service, workspace, appData };
}

/** testRouter with one engagement ("Lead") created. */
export async function routerWithEngagement(): Promise<{ router: Router; service: EngagementService; workspace: string; handle: string }> {
  const { router, service, workspace } = await testRouter();
  const lead = await ask(router, 'engagement:create', { file: 'Lead', fields: sampleEngagement() });
  if (!lead.ok) throw new Error(JSON.stringify(lead));
  return { router, service, workspace, handle: (lead.value as { summary: { handle: string } }).summary.handle };
}

export async function ask(router: Router, channel: ChannelName, payload: unknown): Promise<Outcome> {
  const result = await router.dispatch(channel, payload, OWNER);
  return result.ok
    ? { ok: true, value: result.value, code: null, params: {} }
    : { ok: false, value: null, code: result.error.code, params: result.error.params };
}

/** Starts a job and waits for its end through the same long-poll the renderer uses. */
export async function runJob(router: Router, payload: unknown): Promise<Outcome> {
  const started = await ask(router, 'job:start', payload);
  if (!started.ok) return started;
  const { jobId } = started.value as { jobId: string };
  let afterSeq = 0;
  for (;;) {
    const polled = await router.dispatch('jobs:poll', { afterSeq, waitMs: 5000 }, OWNER);
    if (!polled.ok) throw new Error(JSON.stringify(polled.error));
    const { events, lastSeq } = polled.value as { events: JobEvent[]; lastSeq: number };
    afterSeq = lastSeq;
    const end = events.find((event) => event.jobId === jobId && event.kind !== 'progress');
    if (end?.kind === 'done') return { ok: true, value: end.value, code: null, params: {} };
    if (end?.kind === 'failed') return { ok: false, value: null, code: end.error.code, params: end.error.params };
  }
}
