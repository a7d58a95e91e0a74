import type { TemplateKind } from '../../shared/cb-profile/profile.ts';
import type { NcFormsInput } from '../../shared/documents/nc-form-input.ts';
import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import type { ReportInput } from '../../shared/documents/report-input.ts';
import type { TemplateCheck } from '../../shared/templates/template-issues.ts';
import type { TemplateFill } from './template-check.ts';

/** What the main thread asks the template worker, and what it answers (structured-cloned both ways). */
export type TemplateWorkerRequest =
  | { readonly op: 'check'; readonly bytes: Uint8Array; readonly kind: TemplateKind }
  | { readonly op: 'fill-plan'; readonly bytes: Uint8Array; readonly input: PlanDocumentInput; readonly language: string }
  | { readonly op: 'fill-nc-form'; readonly bytes: Uint8Array; readonly input: NcFormsInput; readonly language: string }
  | { readonly op: 'fill-report'; readonly bytes: Uint8Array; readonly input: ReportInput; readonly language: string };

export type TemplateWorkerReply =
  | { readonly op: 'check'; readonly check: TemplateCheck }
  | { readonly op: 'fill-plan'; readonly fill: TemplateFill }
  | { readonly op: 'fill-nc-form'; readonly fill: TemplateFill }
  | { readonly op: 'fill-report'; readonly fill: TemplateFill };

export type TemplateWorkerMessage = { readonly ok: true; readonly reply: TemplateWorkerReply } | { readonly ok: false; readonly error: string };
