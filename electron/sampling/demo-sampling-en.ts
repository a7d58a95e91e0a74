import type { DemoSamplingData } from './demo-sampling.ts';

/**
 * The English demo's incident sample: Rajesh imports Kestrel's ServiceNow export for September–November
 * 2026 (1,240 incidents), draws 12 by priority with at least 2 of each, so that the rare critical
 * incidents are seen, and has tested 10 of them: one was closed without the user's confirmation.
 */
export const DEMO_SAMPLING_EN: DemoSamplingData = {
  by: 'RI',
  export: {
    fileName: 'incidents_sep-nov_2026.csv',
    encoding: 'utf-8',
    headers: ['number', 'opened_at', 'resolved_at', 'priority', 'category', 'state', 'assigned_to', 'location', 'short_description', 'caller_id'],
    rows: 1240,
    idPrefix: 'INC00',
    firstId: 41200,
    from: '2026-09-01',
    until: '2026-12-01',
    utcOffsetHours: 0,
    state: 'Closed',
    priorities: ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low'],
    categories: ['Network', 'Hardware', 'Software', 'Access', 'Database', 'Email'],
    locations: ['Manchester (MDC1)', 'Leeds office', 'Remote'],
    assignees: ['Service Desk L1', 'Network Operations', 'Platform Team', 'Database Team', 'End User Computing'],
    descriptions: ['Cannot connect to VPN', 'Printer offline', 'Outlook keeps asking for password', 'Payroll report slow', 'Laptop will not boot', 'Access to finance share', 'Website returns 502', 'Backup job failed'],
    callerPrefix: 'caller-',
  },
  population: { name: 'Incidents, September–November 2026', periodFrom: '2026-09-01', periodTo: '2026-11-30' },
  draw: {
    justification: 'Twelve incidents across the quarter, at least two of each priority, so that the rare critical incidents are seen.',
    // Printed in the report: anyone can recompute the draw.
    seed: 'meridian-incidents-2026-12-08',
    size: 12,
    minimumPerStratum: 2,
  },
  tested: 10,
  deviationAt: 4,
  deviationNote: 'Closed by the resolver group; no confirmation from the user and no auto-closure note.',
};
