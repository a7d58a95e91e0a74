/** The next audit of a cycle, started from an earlier engagement (main thread). */
export { NextAuditService } from './next-audit-service.ts';
export type { EarlierEngagement } from './earlier-engagement.ts';
