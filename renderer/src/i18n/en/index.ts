import { EN_APP } from './app.ts';
import { EN_CHECKLISTS } from './checklists.ts';
import { EN_ENGAGEMENT } from './engagement.ts';
import { EN_ERRORS, EN_ERROR_DETAILS } from './errors.ts';
import { EN_CONCLUSIONS } from './conclusions.ts';
import { EN_FIELDWORK } from './fieldwork.ts';
import { EN_NOTEBOOK } from './notebook.ts';
import { EN_EVIDENCE_FILES } from './evidence-files.ts';
import { EN_RECORDS } from './records.ts';
import { EN_HOME } from './home.ts';
import { EN_OTHER_PARTIES } from './other-parties.ts';
import { EN_PLAN } from './plan.ts';
import { EN_PROFILES } from './profiles.ts';
import { EN_AUDIT_TIME } from './audit-time.ts';
import { EN_SAMPLE } from './sample.ts';
import { EN_SAMPLING } from './sampling.ts';
import { EN_SETTINGS } from './settings.ts';
import { EN_SITES } from './sites.ts';
import { EN_TEAM } from './team.ts';
import { EN_TEMPLATES } from './templates.ts';
import { EN_FINDINGS } from './findings.ts';
import { EN_SAMPLE_TESTING } from './sample-testing.ts';
import { EN_CLOSING } from './closing.ts';
import { EN_FOLLOW_UP } from './follow-up.ts';
import { EN_NC_DOCUMENTS } from './nc-documents.ts';
import { EN_REPORT } from './report.ts';
import { EN_SIGNING } from './signing.ts';

/**
 * English, the reference language: every string the UI shows comes from these files, one per
 * feature. Its shape is the key set every other language is checked against (keys.ts).
 */
export const en = {
  ...EN_APP,
  ...EN_SETTINGS,
  ...EN_HOME,
  ...EN_ENGAGEMENT,
  ...EN_SITES,
  ...EN_SAMPLE,
  ...EN_AUDIT_TIME,
  ...EN_TEAM,
  ...EN_OTHER_PARTIES,
  ...EN_PROFILES,
  ...EN_PLAN,
  ...EN_FIELDWORK,
  ...EN_NOTEBOOK,
  ...EN_EVIDENCE_FILES,
  ...EN_RECORDS,
  ...EN_CONCLUSIONS,
  ...EN_TEMPLATES,
  ...EN_FINDINGS,
  ...EN_SAMPLE_TESTING,
  ...EN_CLOSING,
  ...EN_FOLLOW_UP,
  ...EN_NC_DOCUMENTS,
  ...EN_REPORT,
  ...EN_SIGNING,
  ...EN_SAMPLING,
  checklists: EN_CHECKLISTS,
  errorDetails: EN_ERROR_DETAILS,
  errors: EN_ERRORS,
} as const;

/** A language file's shape: English's keys, any string as value (t() returns string, not the English literal). */
export type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
/** A translation: a subset of English's keys (missing ones show in English). */
export type Translation<T> = { readonly [K in keyof T]?: T[K] extends string ? string : Translation<T[K]> };

export type Strings = Texts<typeof en>;
