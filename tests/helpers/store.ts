import path from 'node:path';
import type Database from 'better-sqlite3';
import { createEngagementFile } from '../../electron/store/engagement-file.ts';
import { EngagementStore, type Row } from '../../electron/store/engagement-store.ts';
import { sampleEngagement } from './engagements.ts';
import { tempDir } from './temp.ts';

export const ACTOR_DANA = '0190a6a4-0000-7000-8000-0000000000da';
export const ACTOR_LEE = '0190a6a4-0000-7000-8000-00000000001e';

/** An engagement file made in-process (no worker), with the engagement row written as `actor`. */
export function newEngagementStore(
  options: { actorId?: string; now?: () => number; file?: string } = {},
): { file: string; db: Database.Database; store: EngagementStore } {
  const file = options.file ?? path.join(tempDir(), 'engagement.iso20k');
  const { db, identity } = createEngagementFile(file);
  const store = new EngagementStore(db, { actorId: options.actorId ?? ACTOR_DANA, readOnly: false, now: options.now });
  store.createRow('engagement', sampleEngagement() as unknown as Row, identity.engagementId);
  return { file, db, store };
}
