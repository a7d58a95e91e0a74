/**
 * What the check of a CB's Word template found, as data: a code, its parameters and, for what sits in
 * the text, where (the part of the .docx, the paragraph, a short excerpt). The renderer words codes in
 * the interface language (i18n `templates.issues.<CODE>`); nothing here is a sentence.
 *
 * Three levels. `refused`: the file itself is not a template the app will open (not a .docx, macros,
 * encryption, remote content, damage, over a limit). `error`: a .docx whose tags cannot be filled
 * (an unclosed tag or section). `warning`: it can be filled, but something will come out empty or odd
 * (a placeholder the app does not know): the lead decides.
 */

export const TEMPLATE_REFUSALS = [
  /** `found`: 'empty' 'pdf' 'doc' 'rtf' 'odt' 'xlsx' 'pptx' 'dotx' 'xml' 'zip' 'unknown'. */
  'NOT_DOCX',
  /** `bytes`, `maxBytes`: the .docx file over PROFILE_LIMITS.templateBytes. */
  'TEMPLATE_TOO_LARGE',
  /** A password-protected document (an encrypted OLE package, or encrypted zip entries). */
  'ENCRYPTED',
  /** `part`: a macro-enabled document or template (.docm, .dotm), or a VBA project inside a .docx. */
  'MACRO_ENABLED',
  /** `part`, `kind`: 'activeX' | 'altChunk': controls or imported content a word processor runs or converts. */
  'ACTIVE_CONTENT',
  /** `part`, `kind` (the relationship or field: 'image', 'attachedTemplate', 'INCLUDEPICTURE' …), `target`: content fetched from elsewhere when the document opens. */
  'EXTERNAL_CONTENT',
  /** `reason` ('not-zip' 'bad-directory' 'unsupported-compression' 'bad-data' 'declared-size-wrong' 'crc' 'no-main-document' 'doctype' 'duplicate-part'), `part` when one part is at fault. */
  'CORRUPT',
  /** `count`, `max`: more parts than a Word document has (a zip bomb's trick: thousands of entries). */
  'TOO_MANY_PARTS',
  /** `bytes`, `maxBytes`: the parts unpacked add up to more than the limit (a zip bomb). */
  'CONTENT_TOO_LARGE',
  /** `part`, `bytes`, `maxBytes`: one XML part the filler must load whole is over its limit. */
  'PART_TOO_LARGE',
  /** `kind`: the app cannot fill templates of this kind yet (the audit plan and the NC form today). */
  'KIND_NOT_SUPPORTED',
] as const;

export const TEMPLATE_ERRORS = [
  /** A `{` with no `}` in its paragraph (a tag cannot span paragraphs). `text`: the tag's start. */
  'UNCLOSED_TAG',
  /** A `}` with no `{` before it in its paragraph. */
  'STRAY_CLOSING_BRACE',
  /** `name`: a `{#name}` with no closing tag in the same part (body, a header, a footer). */
  'UNCLOSED_SECTION',
  /** `name`: a `{/name}` with no section open. */
  'UNOPENED_SECTION_END',
  /** `open`, `close`: `{/close}` ends the section `{#open}` (sections crossed, or a typo). */
  'MISMATCHED_SECTION_END',
  /** `error`: the template library refused the template on a trial fill (its error's name, e.g. TemplateSyntaxError). */
  'FILL_FAILED',
] as const;

export const TEMPLATE_WARNINGS = [
  /** `name`, `count`: a placeholder the app does not know: it will come out empty. */
  'UNKNOWN_PLACEHOLDER',
  /** `name`, `section`: a field of a repeating section used outside it (e.g. {start} outside {#sessions}): empty there. */
  'OUTSIDE_SECTION',
  /** `name`: a repeating section written as a plain placeholder ({sessions} instead of {#sessions}…{/sessions}). */
  'SECTION_AS_TEXT',
] as const;

export const TEMPLATE_ISSUE_CODES = [...TEMPLATE_REFUSALS, ...TEMPLATE_ERRORS, ...TEMPLATE_WARNINGS] as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[number];
export type TemplateRefusalCode = (typeof TEMPLATE_REFUSALS)[number];

export type TemplateIssueLevel = 'refused' | 'error' | 'warning';

export function templateIssueLevel(code: TemplateIssueCode): TemplateIssueLevel {
  if ((TEMPLATE_REFUSALS as readonly string[]).includes(code)) return 'refused';
  if ((TEMPLATE_ERRORS as readonly string[]).includes(code)) return 'error';
  return 'warning';
}

export type TemplateIssueParams = Readonly<Record<string, string | number | boolean | null>>;

/** Where in the document: the zip part ('word/document.xml', 'word/header1.xml' …), the paragraph (1-based, in that part) and its text around the tag. */
export interface TemplatePlace {
  readonly part: string;
  readonly paragraph: number;
  readonly excerpt: string;
}

export interface TemplateIssue {
  readonly code: TemplateIssueCode;
  readonly params: TemplateIssueParams;
  readonly where?: TemplatePlace;
}

/** The check's answer: whether the template can be filled, every issue, and the placeholders it uses and leaves out. */
export interface TemplateCheck {
  /** No refusal and no error: a fill will succeed (warnings are the lead's to judge). */
  readonly fillable: boolean;
  readonly issues: readonly TemplateIssue[];
  /** Placeholder names the template uses (sections without their # and /), sorted. */
  readonly used: readonly string[];
  /** The catalogue's names the template leaves out (informational: a CB's template need not use them all). */
  readonly unused: readonly string[];
}

/** At most this many issues (a template full of stray braces would list thousands). */
export const MAX_TEMPLATE_ISSUES = 200;

export const isFillable = (issues: readonly TemplateIssue[]): boolean => issues.every((issue) => templateIssueLevel(issue.code) === 'warning');
