/**
 * Which entries a replica had seen when it wrote an entry. "y has seen x" when x is an earlier
 * entry of y's own replica, or when y's replica had x in its file (replica_knowledge) at y's seq.
 * Two entries on one field that have not seen each other are concurrent: that is a conflict.
 */

export interface EntryRef {
  readonly replica_id: string;
  readonly seq: number;
}

export interface KnowledgeRow {
  readonly replica_id: string;
  readonly from_seq: number;
  readonly heads: string;
}

export class KnowledgeIndex {
  private readonly byReplica = new Map<string, { fromSeq: number; heads: Record<string, number> }[]>();

  constructor(rows: Iterable<KnowledgeRow>) {
    for (const row of rows) {
      const list = this.byReplica.get(row.replica_id) ?? [];
      list.push({ fromSeq: row.from_seq, heads: JSON.parse(row.heads) as Record<string, number> });
      this.byReplica.set(row.replica_id, list);
    }
    for (const list of this.byReplica.values()) list.sort((a, b) => a.fromSeq - b.fromSeq);
  }

  /** Other replicas' heads present in y's replica's file when it wrote seq y.seq. */
  private headsAt(entry: EntryRef): Record<string, number> {
    const list = this.byReplica.get(entry.replica_id);
    if (!list) return {};
    let found: Record<string, number> = {};
    for (const row of list) {
      if (row.fromSeq > entry.seq) break;
      found = row.heads;
    }
    return found;
  }

  hasSeen(y: EntryRef, x: EntryRef): boolean {
    if (y.replica_id === x.replica_id) return x.seq < y.seq;
    return (this.headsAt(y)[x.replica_id] ?? 0) >= x.seq;
  }

  concurrent(a: EntryRef, b: EntryRef): boolean {
    return !this.hasSeen(a, b) && !this.hasSeen(b, a);
  }
}

/** The entries of one field that no other entry of that field has seen (latest per replica first). */
export function maximalEntries<T extends EntryRef>(entries: readonly T[], knowledge: KnowledgeIndex): T[] {
  const latest = new Map<string, T>();
  for (const entry of entries) {
    const current = latest.get(entry.replica_id);
    if (!current || entry.seq > current.seq) latest.set(entry.replica_id, entry);
  }
  const candidates = [...latest.values()];
  return candidates.filter((x) => !candidates.some((y) => y !== x && knowledge.hasSeen(y, x)));
}

/** The candidate shown while a conflict is open: greatest (HLC, replica id). */
export function shownCandidate<T extends EntryRef & { readonly hlc: string }>(candidates: readonly T[]): T {
  return [...candidates].sort((a, b) => (a.hlc === b.hlc ? (a.replica_id < b.replica_id ? 1 : -1) : a.hlc < b.hlc ? 1 : -1))[0]!;
}
