import { IconAlertTriangle, IconCalendarTime, IconChecklist, IconClipboardCheck, IconFileCertificate, IconGavel, IconLayoutDashboard, IconListSearch, IconNotebook, IconSettings, IconSitemap, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Section } from '../../state/app-store.ts';
import { ConclusionsSection } from '../conclusions/ConclusionsSection.tsx';
import { FieldworkSection } from '../fieldwork/FieldworkSection.tsx';
import { FindingsSection } from '../findings/FindingsSection.tsx';
import { NotebookSection } from '../notebook/NotebookSection.tsx';
import { PlanSection } from '../plan/PlanSection.tsx';
import { ReportSection } from '../report/ReportSection.tsx';
import { SamplingSection } from '../sampling/SamplingSection.tsx';
import { ScopeSection } from '../scope/ScopeSection.tsx';
import { TeamSection } from '../team/TeamSection.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { SetupSection } from './SetupSection.tsx';

/**
 * The engagement window's sections, in navigation order: each capability registers its section
 * here (its label is `engagement.nav.<id>` in the strings; Alt+<position> opens it, or Alt+<key>
 * past the tenth). A section appears when its capability lands: no placeholders.
 */
export interface SectionEntry {
  readonly id: Section;
  readonly icon: ComponentType<{ size?: number }>;
  readonly component: ComponentType;
  /** The letter that opens it with Alt, for a section past the number row's ten. */
  readonly key?: string;
}

export const SECTIONS: readonly SectionEntry[] = [
  { id: 'overview', icon: IconLayoutDashboard, component: OverviewSection },
  { id: 'setup', icon: IconSettings, component: SetupSection },
  { id: 'scope', icon: IconSitemap, component: ScopeSection },
  { id: 'team', icon: IconUsers, component: TeamSection },
  { id: 'checklist', icon: IconChecklist, component: ChecklistSection },
  { id: 'plan', icon: IconCalendarTime, component: PlanSection },
  { id: 'fieldwork', icon: IconClipboardCheck, component: FieldworkSection },
  { id: 'notebook', icon: IconNotebook, component: NotebookSection },
  { id: 'conclusions', icon: IconGavel, component: ConclusionsSection },
  { id: 'findings', icon: IconAlertTriangle, component: FindingsSection },
  // S for Sampling, past the number row like the report.
  { id: 'sampling', icon: IconListSearch, component: SamplingSection, key: 'S' },
  // R for Report: no other Alt+letter is taken in the engagement window (Alt+Shift+… are the tabs').
  { id: 'report', icon: IconFileCertificate, component: ReportSection, key: 'R' },
];

/** The digit of a section's position (Alt+1 … Alt+9, the tenth Alt+0 as on a keyboard's number row); none past the tenth. */
export const sectionKey = (index: number): string | null => (index < 10 ? String((index + 1) % 10) : null);

/** The key that opens the section at `index` with Alt: its digit, or its own letter; null when it has neither. */
export const sectionShortcut = (index: number): string | null => sectionKey(index) ?? SECTIONS[index]?.key ?? null;
