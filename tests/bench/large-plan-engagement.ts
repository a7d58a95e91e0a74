import path from 'node:path';
import { createDemoEngagement } from '../../electron/engagement/demo-engagement.ts';
import { EngagementService } from '../../electron/engagement/engagement-service.ts';

export const LARGE_PLAN_FILE = 'Large plan - 80 sessions.iso20k';
const PROCESSES = ['change', 'incident', 'problem', 'release-deployment', 'capacity', 'availability', 'continuity', 'supplier', 'service-level', 'configuration'];

/**
 * The demo engagement with its plan grown to 80 sessions (6 people: the demo's four and two more
 * auditors), written into `workspace` before the host starts — what the Plan section's speed goal
 * names ("a plan of 80 sessions with 6 people").
 */
export async function writeLargePlanEngagement(workspace: string, appData: string, workerDir: string): Promise<string> {
  const service = await EngagementService.start({ appDataDir: appData, workerDir, rollingBackupIntervalMs: 0 });
  try {
    await service.setInstallationUser('Bench', 'BE');
    const file = path.join(workspace, LARGE_PLAN_FILE);
    const { handle } = await createDemoEngagement(service, file);
    for (const [name, initials] of [['Wei Zhang', 'WZ'], ['Sofia Lind', 'SL']] as const) {
      await service.createRow(handle, 'team_member', { name, initials, role: 'auditor', actor_id: null, email: '', registration_number: '' });
    }
    const team = (await service.listRows(handle, 'team_member')).map((row) => String(row.id));
    const sites = (await service.listRows(handle, 'site')).map((row) => String(row.id));
    const existing = (await service.listRows(handle, 'plan_session')).length;
    const days = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'];
    for (let i = existing; i < 80; i++) {
      const minute = 8 * 60 + ((i * 35) % (9 * 60));
      const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const session = await service.createRow(handle, 'plan_session', {
        day: days[i % days.length]!,
        start_time: time(minute),
        end_time: time(minute + 45),
        kind: 'audit',
        title: `Sampled records ${i}: ${PROCESSES[i % PROCESSES.length]}`,
        site_id: sites[i % sites.length]!,
      });
      const id = String(session.id);
      for (const member of [team[i % team.length]!, team[(i + 3) % team.length]!]) await service.createRow(handle, 'plan_session_member', { session_id: id, team_member_id: member });
      await service.createRow(handle, 'plan_session_topic', { session_id: id, kind: 'process', topic: PROCESSES[i % PROCESSES.length]! });
      await service.createRow(handle, 'plan_session_auditee', { session_id: id, name: `Auditee ${i % 12}`, role: 'Process owner' });
    }
    await service.close(handle);
    return file;
  } finally {
    await service.shutdown();
  }
}
