import type { ReportFixTarget } from '../../../../shared/contract/report-views.ts';
import type { Section } from '../../state/app-store.ts';
import { SECTIONS } from '../engagement/sections.ts';

/**
 * Where a "Fix" link goes: the section, when the window has it, and the tab or view to open there
 * (named as the section names its own: the gate's targets are written so, shared/report/completeness.ts).
 */
export function fixDestination(fix: ReportFixTarget): { section: Section; tab: string | null } | null {
  const entry = SECTIONS.find((candidate) => candidate.id === fix.section);
  return entry ? { section: entry.id, tab: fix.tab } : null;
}
