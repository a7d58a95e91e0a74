import type { TemplateCheck } from '../templates/template-issues.ts';

/** Which CB template fills a document: one of the engagement's profile's, or a .docx the lead picks. */
export type TemplateChoice = { readonly profileTemplate: string } | { readonly file: string };

/** A template of the engagement's CB profile, without its bytes (they stay in the main process). */
export interface ProfileTemplateView {
  readonly key: string;
  readonly title: string;
  readonly fileName: string;
  readonly language: string;
}

/** The check of a template before it fills a document: every issue, the placeholders used and left out. */
export interface TemplateCheckView extends TemplateCheck {
  readonly fileName: string;
  readonly language: string;
}
