import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ChangeLogWriter } from '../../electron/store/change-log.ts';
import { EngagementStore } from '../../electron/store/engagement-store.ts';
import { SITE_KINDS } from '../../shared/engagement.ts';
import { HybridClock } from '../../shared/hlc.ts';
import { newRowId } from '../../shared/ids.ts';
import { MB } from './measure.ts';
import { mulberry32 } from '../helpers/prng.ts';

/**
 * Grows an engagement file that the service created (so identity, schema and replica are the real
 * ones) to a target size with one direct connection: site rows with ~1 KB activity texts, then edits of
 * those texts, each written with the store's own ChangeLogWriter (entry, old and new value beside the
 * chain). The chain stays valid and the open-time schema check passes.
 */

const SENTENCES = [
  'Interviewed the service desk lead about the major incident procedure and the escalation matrix.',
  'Sampled twelve change records from the last quarter; two emergency changes lacked a post-implementation review.',
  'The capacity plan covers storage and compute but not the licences of the monitoring platform.',
  'Evidence shown on the auditee screen: SLA report for October, signed by the customer representative.',
  'Supplier contracts for the colocation provider were reviewed; the annual performance review is overdue.',
  'Continuity test of the secondary data centre was performed in June with a documented recovery time.',
  'Problem records are linked to incidents; known errors are published in the knowledge base.',
  'Top management confirmed the service management objectives during the opening meeting.',
  'Configuration items for the hosting platform are recorded in the CMDB with owners and relationships.',
  'Release acceptance criteria were agreed with the customer before deployment to production.',
  'Internal audit programme covers all clauses over three years; the last audit raised four findings.',
  'Information security risks are assessed yearly; the risk treatment plan names owners and deadlines.',
  'Budgeting and accounting for services is done per customer contract and reviewed monthly.',
  'Staff competence records show training on the incident tool and on the new request catalogue.',
  'Customer satisfaction survey results were discussed in the service review with corrective actions.',
  'The service catalogue lists service desk, managed hosting, backup and network services.',
];


function noteText(random: () => number, targetLength: number, stamp: number): string {
  let text = `Note ${stamp}. `;
  while (text.length < targetLength) text += `${SENTENCES[Math.floor(random() * SENTENCES.length)]!} `;
  return text.slice(0, targetLength);
}

export interface GrownEngagement {
  readonly bytes: number;
  readonly sites: number;
  readonly edits: number;
  readonly changeLogEntries: number;
  readonly seconds: number;
}

const SITE_FIELDS = ['engagement_id', 'name', 'address', 'country', 'kind', 'activities'] as const;

/**
 * Grows `file` to about `targetBytes`. `actorId` must be the actor that created the file, so the
 * entries extend that replica's chain (seq and prev_hash follow on from the creation entries).
 */
export function growEngagement(file: string, actorId: string, targetBytes: number): GrownEngagement {
  const start = performance.now();
  const random = mulberry32(20_000);
  const db = new Database(file, { fileMustExist: true });
  // Generation speed only: nothing else has the file open, and a crash here just fails the bench.
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const store = new EngagementStore(db, { actorId, readOnly: false });
  const replicaId = store.currentReplicaId();
  if (!replicaId) throw new Error('The engagement has no replica for this actor: create it through the service first');
  const clock = new HybridClock(replicaId);
  const latest = db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string;
  clock.receive(latest);
  const log = new ChangeLogWriter(db, { id: replicaId, actorId }, clock);
  const insertSite = db.prepare(
    `INSERT INTO site (id, ${SITE_FIELDS.join(', ')}, created_by, updated_at, updated_by, deleted)
     VALUES (@id, @engagement_id, @name, @address, @country, @kind, @activities, @created_by, @updated_at, @updated_by, 0)`,
  );
  const updateActivities = db.prepare('UPDATE site SET activities = ?, updated_at = ?, updated_by = ? WHERE id = ?');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const size = (): number => (db.pragma('page_count', { simple: true }) as number) * pageSize;

  // About a fifth of the file is sites (each ~12 KB with its six creation entries), the rest edits
  // of their activity texts (each ~3 KB: the row, the entry, old and new value).
  const siteCount = Math.max(50, Math.round(targetBytes / 5 / (12 * 1024)));
  const sites: { id: string; activities: string }[] = [];
  let edits = 0;
  const batch = db.transaction((work: () => void) => work());
  batch(() => {
    for (let i = 0; i < siteCount; i++) {
      const row = {
        id: newRowId(),
        engagement_id: store.engagementId,
        name: `Site ${i + 1}: ${noteText(random, 40, i)}`,
        address: `${100 + (i % 900)} Harbour Road, ${20000 + (i % 80000)} Hamburg`,
        country: 'Germany',
        kind: SITE_KINDS[i % SITE_KINDS.length]!,
        activities: noteText(random, 1000, i),
      };
      let hlc = '';
      for (const field of SITE_FIELDS) hlc = log.record('site', row.id, field, null, row[field]);
      insertSite.run({ ...row, created_by: actorId, updated_at: hlc, updated_by: actorId });
      sites.push({ id: row.id, activities: row.activities });
    }
  });
  while (size() < targetBytes) {
    batch(() => {
      for (let k = 0; k < 5000; k++) {
        const site = sites[Math.floor(random() * sites.length)]!;
        const activities = noteText(random, 900 + Math.floor(random() * 200), edits);
        const hlc = log.record('site', site.id, 'activities', site.activities, activities);
        updateActivities.run(activities, hlc, actorId, site.id);
        site.activities = activities;
        edits++;
      }
    });
  }
  const changeLogEntries = db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
  db.close();
  return {
    bytes: fs.statSync(file).size,
    sites: siteCount,
    edits,
    changeLogEntries,
    seconds: (performance.now() - start) / 1000,
  };
}

export const DEFAULT_TARGET_BYTES = 500 * MB;
