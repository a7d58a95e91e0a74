import { safeFileName } from '../../components/format.ts';
import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentExportView, PlanExportView } from '../../../../shared/contract/plan-views.ts';
import type { ProfileTemplateView, TemplateCheckView, TemplateChoice } from '../../../../shared/contract/template-views.ts';
import { PLAN_PLACEHOLDERS } from '../../../../shared/templates/plan-placeholders.ts';
import { PlaceholderList } from '../../components/PlaceholderList.tsx';
import { TemplateCheckPanel } from './TemplateCheckPanel.tsx';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { documentLanguageOptions, reportLanguagesHint, documentLanguageName } from '../../components/options.ts';
import type { DocumentFormat } from '../../../../shared/tables/document-tables.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { ExportDone, ExportHistory } from './ExportOutcome.tsx';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';

/** Each document language named in itself, as the chooser shows it. */


/**
 * Export the audit plan: format, the document's language (the CB's report language first), the
 * file; then the revision, its SHA-256 and — on the browser host — a single-use download link.
 */
export function ExportPlanModal({ opened, onClose, handle, client, readOnly }: { opened: boolean; onClose: () => void; handle: string; client: string; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const profile = useEngagementProfile(handle);
  const chooser = useFileChooser();
  const reportLanguages = (profile?.profile.reportLanguages ?? []).filter((tag): tag is DocumentLanguage => (DOCUMENT_LANGUAGES as readonly string[]).includes(tag));
  const [format, setFormat] = useState<DocumentFormat | 'template'>('pdf');
  const [templates, setTemplates] = useState<ProfileTemplateView[]>([]);
  const [template, setTemplate] = useState<TemplateChoice | null>(null);
  const [check, setCheck] = useState<TemplateCheckView | null>(null);
  const [checking, setChecking] = useState(false);
  const [language, setLanguage] = useState<DocumentLanguage>('en');
  const [history, setHistory] = useState<DocumentExportView[]>([]);
  const [result, setResult] = useState<PlanExportView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The default language follows the CB's report language once per opening, not every time the
  // profile reloads (keeping a template changes the profile: the lead's choice stays).
  const defaulted = useRef(false);
  useEffect(() => {
    if (!opened) {
      defaulted.current = false;
      return;
    }
    if (profile && !defaulted.current) {
      defaulted.current = true;
      setLanguage(reportLanguages[0] ?? (i18n.language.startsWith('zh') ? 'zh-Hans' : 'en'));
    }
  }, [opened, profile]);

  useEffect(() => {
    if (!opened) return;
    setResult(null);
    setError(null);
    invoke('documents:exports', { engagementHandle: handle }).then((rows) => setHistory(rows.filter((row) => row.kind === 'audit-plan')), setError);
    invoke('plan:templates', { engagementHandle: handle }).then(setTemplates, setError);
    void invoke('plan:prepareExport', { engagementHandle: handle }).catch(() => undefined);
    // The profile arrives after the modal opens: the default language follows it once.
  }, [opened, handle]);

  /** A template chosen is checked at once: the lead sees unknown placeholders before anything is written. */
  async function chooseTemplate(choice: TemplateChoice) {
    setTemplate(choice);
    setCheck(null);
    setChecking(true);
    setError(null);
    try {
      setCheck(await invoke('plan:checkTemplate', { engagementHandle: handle, template: choice, language }));
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  }
  async function pickTemplateFile() {
    const file = await chooser.choose({ mode: 'open', kind: 'word', suggestedName: '', title: t('plan.export.templateFileTitle') });
    if (file) await chooseTemplate({ file });
  }
  useEffect(() => {
    if (format === 'template' && !template && templates[0]) void chooseTemplate({ profileTemplate: templates[0].key });
  }, [format, templates]);

  /** A picked .docx that fills is kept in the engagement's CB profile copy: offered at every export, carried to the team. */
  async function keepTemplate() {
    if (!template || !('file' in template)) return;
    setBusy(true);
    setError(null);
    try {
      const kept = await invoke('plan:keepTemplate', { engagementHandle: handle, file: template.file, language });
      setTemplates(await invoke('plan:templates', { engagementHandle: handle }));
      setTemplate({ profileTemplate: kept.key });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const revision = (history[0]?.revision ?? 0) + 1;
  const blocked = format === 'template' && (!template || !check?.fillable);
  async function exportPlan() {
    const kind = format === 'pdf' ? 'pdf' : 'word';
    const suggested = safeFileName(t('plan.export.suggestedName', { client, revision }));
    const file = await chooser.choose({ mode: 'save', kind, suggestedName: suggested, title: t('plan.export.title') });
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const exported = await invoke('plan:export', {
        engagementHandle: handle,
        format: format === 'pdf' ? 'pdf' : 'docx',
        language,
        file,
        ...(format === 'template' && template ? { template } : {}),
      });
      setResult(exported);
      setHistory(await invoke('documents:exports', { engagementHandle: handle }).then((rows) => rows.filter((row) => row.kind === 'audit-plan')));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('plan.export.title')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('plan.export.intro')}
        </Text>
        <Radio.Group label={t('plan.export.format')} value={format} onChange={(value) => (setFormat(value as DocumentFormat | 'template'), setResult(null))}>
          <Stack mt={6} gap={6}>
            <Group>
              <Radio value="pdf" label={t('plan.export.pdf')} />
              <Radio value="docx" label={t('plan.export.docx')} />
            </Group>
            <Radio value="template" label={t('plan.export.template')} />
          </Stack>
        </Radio.Group>
        {format === 'template' ? (
          <Stack gap="xs" data-testid="template-choice">
            {templates.length ? (
              <Select
                label={t('plan.export.templateChoose')}
                data={templates.map((item) => ({ value: item.key, label: t('plan.export.templateFromProfile', { title: item.title, file: item.fileName, language: documentLanguageName(t, item.language) }) }))}
                value={template && 'profileTemplate' in template ? template.profileTemplate : null}
                onChange={(key) => key && void chooseTemplate({ profileTemplate: key })}
                placeholder={template && 'file' in template ? template.file : undefined}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('plan.export.templateNone')}
              </Text>
            )}
            <Group gap="sm">
              <Button variant="light" size="xs" onClick={() => void pickTemplateFile()} data-testid="template-file">
                {t('plan.export.templateFile')}
              </Button>
              <PlaceholderList placeholders={PLAN_PLACEHOLDERS} title={t('plan.export.placeholders')} testId="placeholder-list" />
            </Group>
            {checking ? <Text size="sm" c="dimmed">{t('plan.template.checking')}</Text> : null}
            {check ? <TemplateCheckPanel check={check} /> : null}
            {check?.fillable && template && 'file' in template ? (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => void keepTemplate()} loading={busy} data-testid="template-keep">
                  {t('plan.export.keep')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('plan.export.keepHint')}
                </Text>
              </Group>
            ) : null}
          </Stack>
        ) : null}
        <Select
          label={t('plan.export.language')}
          description={reportLanguagesHint(t, reportLanguages)}
          data={documentLanguageOptions()}
          value={language}
          onChange={(value) => value && setLanguage(value as DocumentLanguage)}
          allowDeselect={false}
          disabled={format === 'template' && template !== null && 'profileTemplate' in template}
        />
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {result ? <ExportDone result={result} testId="plan" shaTestId="plan-export-sha" /> : null}
        <ExportHistory title={t('plan.export.history')} history={history} testId="plan" show="sha" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button leftSection={<IconFileExport size={16} />} onClick={() => void exportPlan()} loading={busy} disabled={blocked || readOnly} data-testid="plan-export-submit">
            {t('plan.export.submit')}
          </Button>
        </Group>
      </Stack>
      {chooser.picker}
    </Modal>
  );
}
