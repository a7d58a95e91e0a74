import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from '../jobs/job-context.ts';
import type { FileCheckView, FileDamageView } from '../../shared/contract/views.ts';
import { walkChain } from './chain-check.ts';
import { walkRows } from './row-check.ts';

/**
 * Where the damage is: the first entry whose chain link, hash or stored value does not check out
 * (what the renderer is shown, plus the row for whoever repairs it).
 */
export interface FileDamage extends FileDamageView {
  readonly rowId: string;
}

/** The verdicts of the contract's view; a damage here also names the row. */
export type FileCheckState = Exclude<FileCheckView, { state: 'damaged' }> | { readonly state: 'damaged'; readonly damage: FileDamage };

const BACKGROUND_SLICE_MS = 20;

const isSqliteDamage = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR'));
};

/**
 * The check of one's own file that integrity_check cannot do: every logged value against its salted
 * fingerprint, and every chain link. It runs once per open, in slices (after the first screen, or
 * first thing in a job that would send the file's content elsewhere), and its verdict keeps a damaged
 * file from spreading through copies, member copies, return packages and rolling backups.
 */
export class FileCheck {
  private verdict: FileCheckState;
  private running: Promise<FileCheckState> | null = null;

  constructor(
    private readonly db: Database.Database,
    fromNewerApp = false,
  ) {
    this.verdict = fromNewerApp ? { state: 'skipped' } : { state: 'pending' };
  }

  get state(): FileCheckState {
    return this.verdict;
  }

  /** Runs the check (once; a second caller waits for the first run). */
  async run(context: JobContext): Promise<FileCheckState> {
    while (this.verdict.state === 'pending') {
      this.running ??= this.walk(context).finally(() => (this.running = null));
      try {
        await this.running;
      } catch (error) {
        // The run belonged to a job that was cancelled: ours goes on with our own context.
        if (!(error instanceof StoreError && error.code === 'JOB_CANCELLED') || context.cancelled) throw error;
      } finally {
        context.resetSlice();
      }
    }
    return this.verdict;
  }

  /** Refuses with FILE_DAMAGED when the file is damaged (running the check first if need be). */
  async requireIntact(context: JobContext): Promise<void> {
    const verdict = await this.run(context);
    if (verdict.state === 'damaged') {
      const { damage } = verdict;
      throw new StoreError('FILE_DAMAGED', `This engagement is damaged at ${damage.entity}.${damage.field} (entry ${damage.replicaId}:${damage.seq})`, {
        ...damage,
      });
    }
  }

  private sliceStart = performance.now();

  /**
   * A background check yields far more often than a job the user waits for: every 20 ms, so an
   * edit typed meanwhile waits at most a page of the check, never a whole 80 ms slice.
   */
  private async yieldSoon(context: JobContext): Promise<void> {
    if (performance.now() - this.sliceStart >= BACKGROUND_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.sliceStart = performance.now();
    }
    context.throwIfCancelled();
  }

  private async walk(context: JobContext): Promise<FileCheckState> {
    this.sliceStart = performance.now();
    try {
      const chain = await this.drive(walkChain(this.db), context, (step) => context.progress(step.checked, step.total, 'check'));
      if (!chain.ok) {
        const { reason, replicaId, seq, entity, rowId, field } = chain;
        return (this.verdict = { state: 'damaged', damage: { reason, replicaId, seq, entity, rowId, field } });
      }
      // The history is intact: every stored row must be what it says.
      const mismatch = await this.drive(walkRows(this.db), context, () => undefined);
      this.verdict = mismatch
        ? { state: 'damaged', damage: { reason: 'row_mismatch', replicaId: '', seq: 0, ...mismatch } }
        : { state: 'ok', entries: chain.entries };
      return this.verdict;
    } catch (error) {
      if (!isSqliteDamage(error)) throw error;
      this.verdict = { state: 'damaged', damage: { reason: 'unreadable', replicaId: '', seq: 0, entity: '', rowId: '', field: '' } };
      return this.verdict;
    }
  }

  /** Runs a check generator to its end, yielding to edits between its steps. */
  private async drive<S, R>(walk: Generator<S, R>, context: JobContext, onStep: (step: S) => void): Promise<R> {
    for (;;) {
      const step = walk.next();
      if (step.done) return step.value;
      onStep(step.value);
      await this.yieldSoon(context);
    }
  }
}
