import Database from 'better-sqlite3';

export type DumpRow = Record<string, unknown>;

export interface LogicalDump {
  readonly applicationId: number;
  readonly userVersion: number;
  /** sqlite_schema without rootpage (page numbers change with VACUUM; the structure must not). */
  readonly schema: DumpRow[];
  /** Every table's rows, ordered by all columns, so two dumps compare independently of page layout. */
  readonly tables: Record<string, DumpRow[]>;
}

/**
 * Reads every table of an engagement file through a read-only connection. Only for files no service
 * has open: a second connection (even read-only) on an open engagement would drop its locks on close.
 */
export function logicalDump(file: string): LogicalDump {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const schema = db
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as DumpRow[];
    const tables: Record<string, DumpRow[]> = {};
    for (const { name } of schema.filter((object) => object.type === 'table') as { name: string }[]) {
      const columns = (db.pragma(`table_info(${name})`) as { name: string }[]).map((column) => `"${column.name}"`);
      tables[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all() as DumpRow[];
    }
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      schema,
      tables,
    };
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check through a read-only connection (same rule: never on an open engagement). */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}
