import fs from 'node:fs';
import path from 'node:path';
import type { LinkedFilePreview, LinkedImportResult } from '../../shared/contract/follow-up-views.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import type { LinkedEngagement } from './linked-file.ts';

function realpathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Earlier nonconformities from a linked earlier engagement file, on the main thread. The file is
 * never ATTACHed and never gets a second connection: when it is open in this app (found by realpath,
 * as EngagementService keeps open engagements) it is read through its own open worker; otherwise a
 * worker of its own reads a private copy (like the next audit's reader), so no SQLite runs here.
 */
export class FollowUpService {
  constructor(private readonly engagements: EngagementService) {}

  private async read(file: string): Promise<LinkedEngagement> {
    const real = realpathOf(file);
    for (const handle of this.engagements.openHandles()) {
      const summary = await this.engagements.summary(handle).catch(() => null);
      if (summary && realpathOf(summary.path) === real) return await this.engagements.call(handle, 'linkedEngagement', path.basename(file));
    }
    return await this.engagements.callAlone('readLinkedFile', file);
  }

  async preview(handle: string, file: string, shownAs: string): Promise<LinkedFilePreview> {
    return await this.engagements.call(handle, 'previewLinked', await this.read(file), shownAs);
  }

  async importFrom(handle: string, file: string, auditLabel: string, confirmOtherClient: boolean): Promise<LinkedImportResult> {
    const linked = await this.read(file);
    return await this.engagements.change(handle, 'importLinked', linked, auditLabel, confirmOtherClient);
  }
}
