import type { EngagementService } from '../../engagement/engagement-service.ts';
import type { JobHub } from '../../jobs/job-hub.ts';
import type { Platform } from '../../platform/platform.ts';
import type { HandleLeases } from '../handle-leases.ts';

/** What the channel handlers work with; built once by each host. */
export interface RouterDeps {
  readonly service: EngagementService;
  readonly platform: Platform;
  readonly leases: HandleLeases;
  readonly jobs: JobHub;
  readonly appVersion: string;
}
