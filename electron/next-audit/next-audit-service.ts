import fs from 'node:fs';
import type { NewEngagementFields } from '../../shared/engagement.ts';
import type { EngagementService, OpenedEngagement } from '../engagement/engagement-service.ts';
import type { EarlierEngagement } from './earlier-engagement.ts';

/**
 * The next audit of a cycle on the main thread: the earlier engagement is read by a worker of its
 * own (never through the open registry, so it leaves no recent-list entry, backup or lock behind and
 * its bytes never change); the new engagement is created and filled in one transaction, or removed.
 */
export class NextAuditService {
  constructor(private readonly engagements: EngagementService) {}

  /** The earlier engagement as it would be carried over (refused while it is open in this app). */
  async readEarlier(file: string): Promise<EarlierEngagement> {
    return await this.engagements.callAlone('readEarlier', this.engagements.notOpen(file, 'SOURCE_OPEN'));
  }

  /**
   * A new engagement file at `file` for the next audit: `fields` are the new audit's own (type,
   * dates, time zone), the rest comes from the earlier engagement, which joins the history with
   * `historyNote`. A failure leaves no new file.
   */
  async createFromEarlier(file: string, earlierFile: string, fields: NewEngagementFields, historyNote: string): Promise<OpenedEngagement> {
    const earlier = await this.readEarlier(earlierFile);
    const opened = await this.engagements.create(file, fields);
    try {
      await this.engagements.change(opened.handle, 'carryOver', earlier, historyNote);
      await this.engagements.refreshSummary(opened.handle);
      return { ...opened, summary: await this.engagements.summary(opened.handle) };
    } catch (error) {
      const created = opened.summary.path;
      await this.engagements.close(opened.handle).catch(() => undefined);
      fs.rmSync(created, { force: true });
      await this.engagements.removeRecent(created).catch(() => undefined);
      throw error;
    }
  }
}
