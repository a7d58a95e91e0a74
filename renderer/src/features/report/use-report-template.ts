import { useCallback, useEffect, useState } from 'react';
import type { ProfileTemplateView, TemplateCheckView, TemplateChoice } from '../../../../shared/contract/template-views.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { invoke } from '../../contract/client.ts';

export interface ReportTemplate {
  /** The report templates of the engagement's CB profile (null until asked). */
  readonly templates: ProfileTemplateView[] | null;
  readonly choice: TemplateChoice | null;
  /** The check of the chosen template in the report's language: the lead sees what it leaves out before a file is written. */
  readonly check: TemplateCheckView | null;
  readonly checking: boolean;
  readonly keeping: boolean;
  choose(choice: TemplateChoice): Promise<void>;
  /** Keeps a picked .docx in the engagement's copy of its CB profile; then it is chosen from there. */
  keep(): Promise<void>;
}

/**
 * The CB's report template for the export (Word only): the profile's templates, asked once the lead
 * turns to them; the first is chosen and checked at once; a picked file is checked, and can be kept.
 * A profile's template is written in one language: choosing it sets the report's (`onLanguage`).
 */
export function useReportTemplate(
  handle: string,
  language: DocumentLanguage,
  wanted: boolean,
  onLanguage: (language: DocumentLanguage) => void,
  onError: (error: unknown) => void,
): ReportTemplate {
  const [templates, setTemplates] = useState<ProfileTemplateView[] | null>(null);
  const [choice, setChoice] = useState<TemplateChoice | null>(null);
  const [check, setCheck] = useState<TemplateCheckView | null>(null);
  const [checking, setChecking] = useState(false);
  const [keeping, setKeeping] = useState(false);

  const choose = useCallback(
    async (next: TemplateChoice) => {
      const own = 'profileTemplate' in next ? templates?.find((item) => item.key === next.profileTemplate)?.language : undefined;
      const checkedIn = DOCUMENT_LANGUAGES.find((tag) => tag === own) ?? language;
      if (checkedIn !== language) onLanguage(checkedIn);
      setChoice(next);
      setCheck(null);
      setChecking(true);
      try {
        setCheck(await invoke('report:checkTemplate', { engagementHandle: handle, template: next, language: checkedIn }));
      } catch (failure) {
        onError(failure);
      } finally {
        setChecking(false);
      }
    },
    [handle, language, templates, onLanguage, onError],
  );

  useEffect(() => {
    if (!wanted || templates) return;
    invoke('report:templates', { engagementHandle: handle }).then(setTemplates, onError);
  }, [wanted, templates, handle, onError]);

  useEffect(() => {
    if (wanted && !choice && templates?.[0]) void choose({ profileTemplate: templates[0].key });
  }, [wanted, choice, templates, choose]);

  // A template is checked in the report's language: another language is checked again.
  useEffect(() => {
    if (choice && check && check.language !== language) void choose(choice);
  }, [language]);

  async function keep() {
    if (!choice || !('file' in choice)) return;
    setKeeping(true);
    try {
      const kept = await invoke('report:keepTemplate', { engagementHandle: handle, file: choice.file, language });
      setTemplates(await invoke('report:templates', { engagementHandle: handle }));
      setChoice({ profileTemplate: kept.key });
    } catch (failure) {
      onError(failure);
    } finally {
      setKeeping(false);
    }
  }

  return { templates, choice, check, checking, keeping, choose, keep };
}
