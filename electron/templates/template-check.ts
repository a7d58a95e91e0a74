import type { TemplateKind } from '../../shared/cb-profile/profile.ts';
import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import type { NcFormsInput } from '../../shared/documents/nc-form-input.ts';
import type { ReportInput } from '../../shared/documents/report-input.ts';
import { NC_FORM_PLACEHOLDERS } from '../../shared/templates/nc-form-placeholders.ts';
import { SAMPLE_NC_FORMS_INPUT } from '../../shared/templates/nc-form-sample.ts';
import { ncFormTemplateData } from '../../shared/templates/nc-form-template-data.ts';
import { checkPlaceholders } from '../../shared/templates/placeholder-check.ts';
import { PLAN_PLACEHOLDERS, type Placeholder } from '../../shared/templates/plan-placeholders.ts';
import { SAMPLE_PLAN_INPUT } from '../../shared/templates/plan-sample.ts';
import { planTemplateData, type TemplateRecord } from '../../shared/templates/plan-template-data.ts';
import { REPORT_PLACEHOLDERS } from '../../shared/templates/report-placeholders.ts';
import { SAMPLE_REPORT_INPUT } from '../../shared/templates/report-sample.ts';
import { reportTemplateData } from '../../shared/templates/report-template-data.ts';
import { isFillable, MAX_TEMPLATE_ISSUES, type TemplateCheck, type TemplateIssue } from '../../shared/templates/template-issues.ts';
import { fillDocx } from './docx-fill.ts';
import { inspectDocx } from './docx-package.ts';
import { findTags } from './template-tags.ts';

/**
 * The check before any fill, and the fill itself (both run in the template worker): the file (docx-
 * package.ts), the tags of every part (template-tags.ts), the names against the catalogue (shared/
 * templates/placeholder-check.ts), then — for a check — a trial fill with the sample plan, so the
 * library's own refusals (a loop tag inside a content control, bad [options]) are found before the lead
 * exports. Never throws on any input: every outcome is a TemplateCheck.
 */

export type TemplateFill = { readonly ok: true; readonly bytes: Uint8Array; readonly check: TemplateCheck } | { readonly ok: false; readonly check: TemplateCheck };

const answer = (issues: readonly TemplateIssue[], used: readonly string[] = [], unused: readonly string[] = []): TemplateCheck => ({
  fillable: isFillable(issues),
  issues: issues.slice(0, MAX_TEMPLATE_ISSUES),
  used,
  unused,
});

/** The library's error class name ('UnclosedTagError', 'TemplateSyntaxError' …): a code, never its English message. */
function libraryError(error: unknown): TemplateIssue {
  const name = (error as { constructor?: { name?: unknown } })?.constructor?.name;
  return { code: 'FILL_FAILED', params: { error: typeof name === 'string' && /^[A-Za-z]{1,60}$/.test(name) ? name : 'Error' } };
}

/** The kinds the app fills, with their catalogue and the sample a check fills on trial. */
const FILLED_KINDS: Partial<Record<TemplateKind, { readonly catalogue: readonly Placeholder[]; readonly sample: () => TemplateRecord; readonly unused?: (check: TemplateCheck) => readonly string[] }>> = {
  'audit-plan': { catalogue: PLAN_PLACEHOLDERS, sample: () => planTemplateData(SAMPLE_PLAN_INPUT) },
  'nc-form': { catalogue: NC_FORM_PLACEHOLDERS, sample: () => ncFormTemplateData(SAMPLE_NC_FORMS_INPUT), unused: ncFormUnused },
  'audit-report': { catalogue: REPORT_PLACEHOLDERS, sample: () => reportTemplateData(SAMPLE_REPORT_INPUT) },
};

/**
 * What an NC-form template leaves out, of the shape it chose: a template with {#ncs} is not told about
 * the nc.* names (the one-per-NC shape), nor one written with nc.* about {#ncs} and its fields.
 */
function ncFormUnused(check: TemplateCheck): readonly string[] {
  const allInOne = check.used.some((name) => name === 'ncs' || name.startsWith('ncs/'));
  const perNc = check.used.some((name) => name.startsWith('nc.'));
  return check.unused.filter((name) => (allInOne ? !name.startsWith('nc.') : perNc ? name !== 'ncs' && !name.startsWith('ncs/') : true));
}

/** The static check: file, tags, names. */
function inspectTemplate(bytes: Uint8Array, catalogue: readonly Placeholder[]): TemplateCheck {
  try {
    const inspected = inspectDocx(bytes, 'full');
    if (!inspected.ok) return answer(inspected.issues);
    const parts = inspected.contentParts.map((part) => findTags(part.name, part.xml));
    const report = checkPlaceholders(
      parts.map((part) => part.tags),
      catalogue,
    );
    return answer([...parts.flatMap((part) => part.issues), ...report.issues], report.used, report.unused);
  } catch {
    // A bug of the check itself: the template is not filled, and says so.
    return answer([{ code: 'CORRUPT', params: { reason: 'bad-data' } }]);
  }
}

export async function checkTemplate(bytes: Uint8Array, kind: TemplateKind): Promise<TemplateCheck> {
  const filled = FILLED_KINDS[kind];
  if (!filled) return answer([{ code: 'KIND_NOT_SUPPORTED', params: { kind } }]);
  const inspected = inspectTemplate(bytes, filled.catalogue);
  const check = filled.unused ? { ...inspected, unused: filled.unused(inspected) } : inspected;
  if (!check.fillable) return check;
  try {
    await fillDocx(bytes, filled.sample());
    return check;
  } catch (error) {
    return answer([...check.issues, libraryError(error)], check.used, check.unused);
  }
}

/**
 * The plan filled into the CB's template. `language` is the template's (its profile entry says it):
 * dates and lists are written in it; build `input` in the same language for its labels.
 */
export async function fillPlanTemplate(bytes: Uint8Array, input: PlanDocumentInput, language: string): Promise<TemplateFill> {
  return fillChecked(bytes, PLAN_PLACEHOLDERS, () => planTemplateData(input, language));
}

/**
 * The NC forms filled into the CB's NC-form template written in `language`: all of `input.forms` in
 * `{#ncs}`, the first as `nc.*` (a template without `{#ncs}` is filled once per nonconformity, with
 * one form in the input each time).
 */
export async function fillNcFormTemplate(bytes: Uint8Array, input: NcFormsInput, language: string): Promise<TemplateFill> {
  return fillChecked(bytes, NC_FORM_PLACEHOLDERS, () => ncFormTemplateData(input, language));
}

/**
 * The audit report filled into the CB's report template written in `language` (stage 1 and the other
 * audits alike: a template uses the names its report needs).
 */
export async function fillReportTemplate(bytes: Uint8Array, input: ReportInput, language: string): Promise<TemplateFill> {
  return fillChecked(bytes, REPORT_PLACEHOLDERS, () => reportTemplateData(input, language));
}

async function fillChecked(bytes: Uint8Array, catalogue: readonly Placeholder[], data: () => TemplateRecord): Promise<TemplateFill> {
  const check = inspectTemplate(bytes, catalogue);
  if (!check.fillable) return { ok: false, check };
  try {
    return { ok: true, bytes: await fillDocx(bytes, data()), check };
  } catch (error) {
    return { ok: false, check: answer([...check.issues, libraryError(error)], check.used, check.unused) };
  }
}
