import fs from 'node:fs';
import path from 'node:path';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import { profileTemplates, type ProfileTemplate, type TemplateKind } from '../../shared/cb-profile/profile.ts';
import { textIn } from '../../shared/checklist/pack.ts';
import { RequestError } from '../../shared/contract/result.ts';
import type { ProfileTemplateView } from '../../shared/contract/template-views.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { profileSha256 } from '../profiles/index.ts';
import { TEMPLATE_FILE_LIMITS } from './docx-package.ts';

/** A template's bytes, its file name and the language it is written in. */
export interface ResolvedTemplate {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly language: string;
}

/** The templates of one kind (the audit plan's, the NC form's …) of the engagement's own copy of its CB profile. */
export async function profileKindTemplates(engagements: EngagementService, handle: string, kind: TemplateKind): Promise<readonly ProfileTemplate[]> {
  const row = await engagements.call(handle, 'cbProfile');
  if (!row) return [];
  const checked = checkProfile(JSON.parse(row.content) as unknown);
  return checked.ok ? profileTemplates(checked.profile, kind) : [];
}

export const templateView = (template: ProfileTemplate, uiLanguage: string): ProfileTemplateView => ({
  key: template.key,
  title: textIn(template.title, uiLanguage, template.language),
  fileName: template.fileName,
  language: template.language,
});

/**
 * The bytes of the chosen template: from the engagement's profile copy, or a .docx file the lead
 * picked (its size checked before it is read; a template is at most 10 MiB).
 */
export async function resolveTemplate(
  engagements: EngagementService,
  handle: string,
  choice: { readonly profileTemplate: string } | { readonly file: string },
  language: string,
  kind: TemplateKind,
): Promise<ResolvedTemplate> {
  if ('profileTemplate' in choice) {
    const template = (await profileKindTemplates(engagements, handle, kind)).find((candidate) => candidate.key === choice.profileTemplate);
    if (!template) throw new RequestError('NO_TEMPLATE', `The CB profile has no such ${kind} template`, { template: choice.profileTemplate });
    return { bytes: Buffer.from(template.data, 'base64'), fileName: template.fileName, language: template.language };
  }
  const stat = fs.statSync(choice.file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new RequestError('FILE_NOT_FOUND', 'No template file there', { path: path.basename(choice.file) });
  if (stat.size > TEMPLATE_FILE_LIMITS.fileBytes) {
    throw new RequestError('TEMPLATE_REFUSED', 'The template is too large', { issues: ['TEMPLATE_TOO_LARGE'], maxBytes: TEMPLATE_FILE_LIMITS.fileBytes });
  }
  return { bytes: fs.readFileSync(choice.file), fileName: path.basename(choice.file), language };
}

/**
 * Keeps a CB template the lead picked in the engagement's own copy of its CB profile: a format 2
 * profile with the template added is copied in and becomes the engagement's profile (the library's
 * file is not touched). The template then travels with the engagement, to every team member's copy,
 * and is offered at every export. Refused when the template cannot be filled or the result is not a
 * valid profile.
 */
export async function keepTemplateInProfile(engagements: EngagementService, handle: string, template: ResolvedTemplate, kind: TemplateKind): Promise<ProfileTemplate> {
  const row = await engagements.call(handle, 'cbProfile');
  if (!row) throw new RequestError('PROFILE_NOT_FOUND', 'Choose the engagement\'s CB profile first');
  const current = checkProfile(JSON.parse(row.content) as unknown);
  if (!current.ok) throw new RequestError('PROFILE_NOT_FOUND', 'The engagement\'s CB profile no longer reads as a profile');
  const profile = current.profile;
  const existing = profileTemplates(profile);
  const keys = new Set(existing.map((item) => item.key));
  let n = existing.filter((item) => item.kind === kind).length + 1;
  while (keys.has(`${kind}-${n}`)) n += 1;
  const name = template.fileName.replace(/\.docx$/i, '');
  const kept: ProfileTemplate = {
    key: `${kind}-${n}`,
    kind,
    language: template.language,
    title: Object.fromEntries(profile.languages.map((language) => [language, name])),
    fileName: template.fileName,
    data: Buffer.from(template.bytes).toString('base64'),
  };
  const next = { ...profile, formatVersion: 2 as const, ...(profile.$schema ? { $schema: 'cb-profile-2.schema.json' } : {}), templates: [...existing, kept] };
  const checked = checkProfile(next);
  if (!checked.ok) throw new RequestError('TEMPLATE_REFUSED', 'The profile with the template does not pass its checks', { issues: checked.issues.map((issue) => issue.code) });
  await engagements.change(handle, 'chooseProfile', {
    profileId: checked.profile.id,
    version: checked.profile.version,
    sha256: profileSha256(checked.profile),
    title: row.title,
    content: JSON.stringify(checked.profile),
  });
  return kept;
}
