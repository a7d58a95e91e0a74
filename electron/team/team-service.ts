import type { EngagementService } from '../engagement/engagement-service.ts';
import type { JobProgress } from '../jobs/job-context.ts';
import type { StartedJob } from '../jobs/worker-client.ts';
import type { CopyResult } from '../store/engagement-context.ts';
import type { ConflictView, Decision } from '../store/merge/decisions.ts';
import type { RowAuthors } from './authors.ts';
import type { ImportPreview, TeamOverview } from './team-capability.ts';

type Progress = ((p: JobProgress) => void) | undefined;

/**
 * The Team section on the main thread: what the team jobs need besides the worker (the user of this
 * installation, refusing a file that is open in this app) and what an import changes elsewhere.
 */
export class TeamService {
  constructor(private readonly engagements: EngagementService) {}

  /** "Make member copy": a copy of this engagement for one team member, as a job. */
  makeMemberCopy(handle: string, memberId: string, destination: string, onProgress?: Progress): StartedJob<CopyResult> {
    const { engagements } = this;
    return engagements.startJob(handle, 'makeMemberCopy', () => {
      const me = engagements.me();
      return [{ memberId, destination: engagements.notOpen(destination, 'DESTINATION_OPEN'), issuedBy: me.actorId, issuedByName: me.name }] as const;
    }, onProgress);
  }

  /** "Create return package": what this copy has beyond its base, optionally with a passphrase. */
  exportPackage(handle: string, destination: string, passphrase: string | null, includeFiles: boolean, onProgress?: Progress): StartedJob<CopyResult> {
    const { engagements } = this;
    return engagements.startJob(handle, 'exportPackage', () => {
      const me = engagements.me();
      return [{ destination: engagements.notOpen(destination, 'DESTINATION_OPEN'), passphrase, includeFiles, createdBy: { actorId: me.actorId, name: me.name, initials: me.initials } }] as const;
    }, onProgress);
  }

  previewImport(handle: string, source: string, passphrase: string | null, onProgress?: Progress): StartedJob<ImportPreview> {
    const { engagements } = this;
    return engagements.startJob(handle, 'previewImport', () => [
      { source: engagements.notOpen(source, 'SOURCE_OPEN'), passphrase, importedBy: engagements.me().actorId },
    ] as const, onProgress);
  }

  importFrom(handle: string, source: string, passphrase: string | null, onProgress?: Progress): StartedJob<ImportPreview> {
    const { engagements } = this;
    engagements.markEdited(handle);
    const job = engagements.startJob(handle, 'importFrom', () => [
      { source: engagements.notOpen(source, 'SOURCE_OPEN'), passphrase, importedBy: engagements.me().actorId },
    ] as const, onProgress);
    // An import may bring another pack choice: keep the library's usage list right (best effort).
    void job.result.then(
      () => engagements.refreshSummary(handle).catch(() => undefined),
      () => undefined,
    );
    return job;
  }

  teamOverview(handle: string): Promise<TeamOverview> {
    return this.engagements.call(handle, 'teamOverview');
  }

  listConflicts(handle: string): Promise<ConflictView[]> {
    return this.engagements.call(handle, 'listConflicts');
  }

  /** Who added each row of `entity` and who changed its fields since (actor ids; the router names them). */
  tableAuthors(handle: string, entity: string): Promise<RowAuthors[]> {
    return this.engagements.call(handle, 'tableAuthors', entity);
  }

  decideConflicts(handle: string, decisions: Decision[]): Promise<number> {
    return this.engagements.change(handle, 'decideConflicts', decisions);
  }
}
