import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { newRowId } from '../../shared/ids.ts';

/**
 * Makes an engagement file large (tens of MB) in well under a second: site rows inserted with one
 * direct connection while no service has the file open. The rows carry valid merge columns but no
 * change-log entries; that is enough for copy and cancel tests, since the chain only covers entries
 * and a copy moves pages, not rows.
 */
export function addBulkSites(file: string, count: number, activitiesLength = 4000): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const engagement = db.prepare('SELECT id, created_by, updated_at FROM engagement').get() as {
      id: string;
      created_by: string;
      updated_at: string;
    };
    const insert = db.prepare(
      `INSERT INTO site (id, engagement_id, name, address, country, kind, activities, created_by, updated_at, updated_by, deleted)
       VALUES (?, ?, ?, '', 'Germany', 'permanent', ?, ?, ?, ?, 0)`,
    );
    // Random text, so no page is like another (closer to real notes than a repeated character).
    const noise = randomBytes(Math.ceil((activitiesLength * 3) / 4) + 64).toString('base64');
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const offset = i % 64;
        insert.run(
          newRowId(),
          engagement.id,
          `Bulk site ${i}`,
          noise.slice(offset, offset + activitiesLength),
          engagement.created_by,
          engagement.updated_at,
          engagement.created_by,
        );
      }
    })();
  } finally {
    db.close();
  }
}
