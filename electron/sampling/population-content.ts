import { createHash, type Hash } from 'node:crypto';
import type { ColumnRole } from '../../shared/sampling/sampling-kinds.ts';

/**
 * A population's content hash: SHA-256 of "aw-population-1\n", the kept columns as JSON
 * ([{name, role}] in order) and "\n", then each record's cells as the JSON array stored, and "\n",
 * in row order. Two imports of the same export keeping the same columns hash alike on every
 * machine; the hash names the population in the change log and checks a received bulk section.
 */
export class PopulationContentHash {
  private readonly hash: Hash = createHash('sha256');

  constructor(columns: readonly { name: string; role: ColumnRole }[]) {
    this.hash.update('aw-population-1\n');
    this.hash.update(JSON.stringify(columns.map(({ name, role }) => ({ name, role }))));
    this.hash.update('\n');
  }

  /** The next record's cells as stored (JSON array text). */
  add(cells: string): void {
    this.hash.update(cells);
    this.hash.update('\n');
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
