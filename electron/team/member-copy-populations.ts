import Database from 'better-sqlite3';
import type { JobContext } from '../jobs/job-context.ts';
import { PopulationStore } from '../store/population-store.ts';
import type { IncomingPopulations } from './incoming-populations.ts';
import { DayFirstFinder, parseColumns, RECORDS_PER_PAGE } from './package-populations.ts';

/**
 * A member's whole copy holds its populations' records in its own population store: those this
 * engagement lacks are staged page by page (the copy opened read-only and already checked), checked
 * against the population's content hash like a package's section, and become visible with the merge.
 * The copy does not record how its import read numeric dates: a first pass finds the reading that
 * reproduces its month strata (as a package's writer does), so the orders here are the member's.
 */
export async function copyMemberPopulations(file: string, incoming: IncomingPopulations, context: JobContext): Promise<void> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const populations = new PopulationStore(db);
    const stored = db
      .prepare('SELECT d.seq, d.population_id AS populationId, p.columns FROM population_data d JOIN population p ON p.id = d.population_id WHERE d.complete = 1 ORDER BY d.population_id')
      .all() as { seq: number; populationId: string; columns: string }[];
    const pages = async function* (seq: number) {
      for (let from = 0; ; ) {
        const page = populations.recordsFrom(seq, from, RECORDS_PER_PAGE);
        if (page.length === 0) return;
        yield page;
        from = page[page.length - 1]!.rowNo + 1;
        context.throwIfCancelled();
        await context.checkpoint();
      }
    };
    for (const { seq, populationId, columns } of stored) {
      if (!incoming.wants(populationId)) continue;
      const dates = new DayFirstFinder(parseColumns(columns));
      if (dates.needed) for await (const page of pages(seq)) for (const record of page) dates.add(record);
      if (!incoming.start(populationId, dates.result(populations, seq))) continue;
      for await (const page of pages(seq)) for (const record of page) await incoming.record(record);
      await incoming.end();
    }
  } finally {
    db.close();
  }
}
