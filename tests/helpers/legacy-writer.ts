import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { entryHash, genesisHash, valueHash } from '../../electron/store/change-log.ts';
import path from 'node:path';
import { createEngagementFile } from '../../electron/store/engagement-file.ts';
import { ENGAGEMENT_MIGRATIONS } from '../../electron/store/migrations/index.ts';
import { newRowId } from '../../shared/ids.ts';
import { sampleEngagement } from './engagements.ts';
import { ACTOR_DANA } from './store.ts';
import { tempDir } from './temp.ts';

/**
 * Writes rows the way an app of schema version 1–3 did (change_log without `settles`), so each
 * migration step is tested on a file as old versions really left it.
 */
export class LegacyWriter {
  private seq = 0;
  private prev: string;
  private readonly replicaId = newRowId();

  constructor(
    private readonly db: Database.Database,
    private readonly actorId: string,
  ) {
    this.prev = genesisHash(this.replicaId);
    const instance = db.prepare("SELECT value FROM file_meta WHERE key = 'file_instance_id'").pluck().get() as string;
    db.prepare('INSERT INTO replica (id, actor_id, file_instance_id, created_at) VALUES (?, ?, ?, ?)').run(
      this.replicaId,
      actorId,
      instance,
      new Date().toISOString(),
    );
  }

  insertRow(table: string, id: string, values: Record<string, string>): void {
    let hlc = '';
    for (const [field, value] of Object.entries(values)) {
      this.seq += 1;
      hlc = `${String(Date.now()).padStart(15, '0')}:${this.seq.toString(16).padStart(4, '0')}:${this.replicaId}`;
      const salt = randomBytes(16);
      const entry = {
        replica_id: this.replicaId,
        seq: this.seq,
        prev_hash: this.prev,
        entity: table,
        row_id: id,
        field,
        old_hash: valueHash(salt, 'old', null),
        new_hash: valueHash(salt, 'new', value),
        hlc,
        wall_time: new Date().toISOString(),
        actor_id: this.actorId,
        flags: 0,
      };
      const hash = entryHash(entry);
      this.db
        .prepare(
          `INSERT INTO change_log (replica_id, seq, prev_hash, entity, row_id, field, old_hash, new_hash, hlc, wall_time, actor_id, flags, entry_hash)
           VALUES (@replica_id, @seq, @prev_hash, @entity, @row_id, @field, @old_hash, @new_hash, @hlc, @wall_time, @actor_id, @flags, @entry_hash)`,
        )
        .run({ ...entry, entry_hash: hash });
      this.db.prepare('INSERT INTO change_value (replica_id, seq, salt, old_value, new_value) VALUES (?, ?, ?, ?, ?)').run(
        this.replicaId,
        this.seq,
        salt,
        'null',
        JSON.stringify(value),
      );
      this.prev = hash;
    }
    const columns = [...Object.keys(values), 'id', 'created_by', 'updated_at', 'updated_by'];
    this.db
      .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...Object.values(values), id, this.actorId, hlc, this.actorId);
  }
}

/** A file as an app at schema `version` left it: its engagement row and `sites` sites, all logged. */
export function fileAtVersion(version: number, sites = 0): string {
  const file = path.join(tempDir(), `v${version}.iso20k`);
  const { db, identity } = createEngagementFile(file, ENGAGEMENT_MIGRATIONS.slice(0, version));
  const writer = new LegacyWriter(db, ACTOR_DANA);
  writer.insertRow('engagement', identity.engagementId, sampleEngagement() as unknown as Record<string, string>);
  for (let i = 0; i < sites; i++) {
    writer.insertRow('site', `site-${i}`, { engagement_id: identity.engagementId, name: `Site ${i}`, kind: 'permanent' });
  }
  db.close();
  return file;
}
