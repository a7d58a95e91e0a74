import type { CertificationBody, FindingNumbering, LocalizedText, PhotoPolicy, ReportField } from '../../shared/cb-profile/profile.ts';
import type { EngagementFields, NewEngagementFields, SiteFields, TeamMemberFields } from '../../shared/engagement.ts';
import type { InterfaceLanguage } from '../../shared/languages.ts';
import type { DemoFindingsData } from '../findings/index.ts';
import type { DemoSamplingData } from '../sampling/index.ts';
import type { DemoFieldwork } from './demo-fieldwork-data.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * What a demo engagement is made of, in one language: the builders (demo-engagement.ts and the parts
 * it calls) read every name, text and date from here, so the English demo and its Chinese twin are
 * one construction over two data modules (demo-data-en.ts, demo-data-zh.ts).
 */
export interface DemoData {
  /** The interface language that opens this demo. */
  readonly language: InterfaceLanguage;
  /** The demo file's name in the workspace folder. */
  readonly fileName: string;
  readonly engagement: NewEngagementFields;
  readonly sites: readonly DemoSite[];
  readonly team: readonly DemoMember[];
  readonly profile: DemoProfileData;
  readonly preparation: DemoPreparation;
  readonly plan: DemoPlan;
  readonly fieldwork: DemoFieldwork;
  readonly findings: DemoFindingsData;
  readonly sampling: DemoSamplingData;
}

export type DemoSite = Omit<SiteFields, 'engagement_id' | 'sample_basis' | 'sample_reason'>;
export type DemoMember = Omit<TeamMemberFields, 'engagement_id'>;

/** A member who declared no conflict of interest for the client when the team was proposed. */
export const declaredBy = (name: string, registration: string, on: string) =>
  ({ registration_number: registration, no_conflict: 1, conflict_note: '', declared_on: on, declared_by: name }) as const;

/** The demo CB's profile: what it sets on top of the shipped default. */
export interface DemoProfileData {
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly releasedOn: string;
  /** The language the profile's texts fall back to (the shipped default's when absent). */
  readonly defaultLanguage?: string;
  readonly reportLanguages: readonly string[];
  readonly certificationBody: CertificationBody;
  /** Labels of the CB's own (e.g. 一般不符合 for the minor grade), by grade key. */
  readonly gradeNames?: Readonly<Record<string, LocalizedText>>;
  readonly deadlines: Readonly<Record<string, { readonly responseDays: number; readonly verificationDays: number }>>;
  readonly findingNumbering: FindingNumbering;
  readonly fivePointProcessGrid: boolean;
  readonly photoPolicy: PhotoPolicy;
  readonly requiredReportFields: readonly ReportField[];
}

export interface DemoService {
  readonly name: string;
  readonly description: string;
  readonly customers: string;
  readonly locations: string;
  /** The known IT-service categories by key (shared/scope/service-categories.ts), anything else as typed. */
  readonly categories: string;
  /** The pack's processes the service covers. */
  readonly processes: readonly string[];
}

export interface DemoOtherParty {
  readonly name: string;
  readonly kind: 'external_supplier' | 'internal_supplier' | 'customer_as_supplier';
  readonly operates_element: 'service' | 'component' | 'process';
  readonly operates: string;
  /** The service it contributes to, by name, or null. */
  readonly service: string | null;
  readonly control: string;
}

/** The preparation a lead has done before stage 2. */
export interface DemoPreparation {
  /** Scope, wording, the CB's audit number, MD 1 answers, auditor-days, the client's registration facts. */
  readonly engagement: Partial<EngagementFields>;
  readonly earlierAudits: readonly Readonly<Record<string, string>>[];
  readonly services: readonly DemoService[];
  readonly otherParties: readonly DemoOtherParty[];
  /**
   * The MD 1 draw: its fixed seed, and the site the lead chooses beside the random one with why — the
   * first of these (by the start of its name) that the draw did not already take.
   */
  readonly md1: { readonly seed: string; readonly chosen: readonly { readonly site: string; readonly reason: string }[] };
}
