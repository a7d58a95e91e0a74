import { IconAlertTriangle, IconCalendarTime, IconChecklist, IconClipboardCheck, IconGavel, IconLayoutDashboard, IconNotebook, IconSettings, IconSitemap, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Section } from '../../state/app-store.ts';
import { ConclusionsSection } from '../conclusions/ConclusionsSection.tsx';
import { FieldworkSection } from '../fieldwork/FieldworkSection.tsx';
import { FindingsSection } from '../findings/FindingsSection.tsx';
import { NotebookSection } from '../notebook/NotebookSection.tsx';
import { PlanSection } from '../plan/PlanSection.tsx';
import { ScopeSection } from '../scope/ScopeSection.tsx';
import { TeamSection } from '../team/TeamSection.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { SetupSection } from './SetupSection.tsx';

/**
 * The engagement window's sections, in navigation order: each capability registers its section
 * here (its label is `engagement.nav.<id>` in the strings; Alt+<position> opens it). A section
 * appears when its capability lands: no placeholders.
 */
export interface SectionEntry {
  readonly id: Section;
  readonly icon: ComponentType<{ size?: number }>;
  readonly component: ComponentType;
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
];

/** The key that opens a section with Alt: its position in the list (Alt+1 … Alt+9, the tenth Alt+0 as on a keyboard's number row). */
export const sectionKey = (index: number): string => String((index + 1) % 10);
