import { Alert, Anchor, Badge, Button, Card, Checkbox, Code, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileCertificate, IconFileText } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NcFormListView, NcFormsExportView } from '../../../../shared/contract/nc-document-channels.ts';
import type { DocumentExportView, PlanExportView } from '../../../../shared/contract/plan-views.ts';
import type { ProfileTemplateView, TemplateCheckView, TemplateChoice } from '../../../../shared/contract/template-views.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { documentLanguageOptions, reportLanguagesHint, documentLanguageName } from '../../components/options.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, safeFileName } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { ExportDone, ExportHistory } from '../plan/ExportOutcome.tsx';
import { TemplateCheckPanel } from '../plan/TemplateCheckPanel.tsx';
import { NC_FORM_PLACEHOLDERS } from '../../../../shared/templates/nc-form-placeholders.ts';
import { PlaceholderList } from '../../components/PlaceholderList.tsx';

type Format = 'pdf' | 'docx' | 'template';


/** The files one export of the NC forms wrote: the revision, then each file with its SHA-256 and, in the browser, its link. */
function FormsDone({ result }: { result: NcFormsExportView }) {
  const { t } = useTranslation();
  if (result.files.length === 1 && result.files[0]!.number === '') return <ExportDone result={{ ...result.files[0]!, template: result.template }} testId="nc-forms" shaTestId="nc-forms-sha" />;
  return (
    <Alert color="teal" variant="light" title={t('ncDocuments.formsDone', { revision: result.revision, count: result.files.length })} data-testid="nc-forms-exported">
      <Stack gap={6}>
        {result.files.map((file) => (
          <div key={file.file}>
            <Text size="sm">
              <Text span fw={600} translate="no">
                {file.number}
              </Text>{' '}
              · {t('plan.export.saved', { file: file.file, size: formatBytes(file.size) })}
            </Text>
            <Text size="xs">
              {t('plan.export.fingerprint')}: <Code data-testid="nc-forms-sha">{file.sha256}</Code>
            </Text>
            {file.downloadUrl ? (
              <Anchor href={file.downloadUrl} download size="sm" data-testid="nc-forms-download">
                <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> {t('plan.export.download', { file: file.file })}
              </Anchor>
            ) : null}
          </div>
        ))}
        {result.files.some((file) => file.downloadUrl) ? (
          <Text size="xs" c="dimmed">
            {t('plan.export.downloadHint')}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * The closing meeting's documents: every nonconformity's NC form (one file, or one per nonconformity
 * named by its number; our layout as PDF or Word, or the CB's own NC-form template) and the closing
 * meeting record — in the document language chosen (the CB's report language first). Each export is
 * the next revision, its SHA-256 kept in the engagement's register of exports.
 */
export function ClosingDocumentsCard() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const readOnly = current.readOnly;
  const client = current.engagement?.client_name ?? '';
  const profile = useEngagementProfile(handle);
  const chooser = useFileChooser();
  const reportLanguages = (profile?.profile.reportLanguages ?? []).filter((tag): tag is DocumentLanguage => (DOCUMENT_LANGUAGES as readonly string[]).includes(tag));

  const [ncs, setNcs] = useState<NcFormListView[] | null>(null);
  const [language, setLanguage] = useState<DocumentLanguage>(i18n.language.startsWith('zh') ? 'zh-Hans' : 'en');
  const [format, setFormat] = useState<Format>('pdf');
  const [perNc, setPerNc] = useState(false);
  const [templates, setTemplates] = useState<ProfileTemplateView[]>([]);
  const [template, setTemplate] = useState<TemplateChoice | null>(null);
  const [check, setCheck] = useState<TemplateCheckView | null>(null);
  const [checking, setChecking] = useState(false);
  const [history, setHistory] = useState<DocumentExportView[]>([]);
  const [formsResult, setFormsResult] = useState<NcFormsExportView | null>(null);
  const [recordResult, setRecordResult] = useState<PlanExportView | null>(null);
  const [busy, setBusy] = useState<'forms' | 'record' | 'keep' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const defaulted = useRef(false);
  useEffect(() => {
    if (profile && !defaulted.current && reportLanguages[0]) {
      defaulted.current = true;
      setLanguage(reportLanguages[0]);
    }
  }, [profile]);

  const reloadHistory = useCallback(
    () => invoke('documents:exports', { engagementHandle: handle }).then((rows) => setHistory(rows.filter((row) => row.kind === 'nc-form' || row.kind === 'closing-meeting')), setError),
    [handle],
  );
  useEffect(() => {
    invoke('ncDocuments:list', { engagementHandle: handle }).then(setNcs, setError);
    invoke('ncDocuments:templates', { engagementHandle: handle }).then(setTemplates, setError);
    void invoke('ncDocuments:prepare', { engagementHandle: handle }).catch(() => undefined);
    void reloadHistory();
  }, [handle, reloadHistory]);

  async function chooseTemplate(choice: TemplateChoice) {
    setTemplate(choice);
    setCheck(null);
    setChecking(true);
    setError(null);
    try {
      setCheck(await invoke('ncDocuments:checkTemplate', { engagementHandle: handle, template: choice, language }));
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  }
  useEffect(() => {
    if (format === 'template' && !template && templates[0]) void chooseTemplate({ profileTemplate: templates[0].key });
  }, [format, templates]);
  async function pickTemplateFile() {
    const file = await chooser.choose({ mode: 'open', kind: 'word', suggestedName: '', title: t('ncDocuments.templateFileTitle') });
    if (file) await chooseTemplate({ file });
  }

  /** A picked .docx that fills is kept in the engagement's CB profile copy: offered at every export, carried to the team. */
  async function keepTemplate() {
    if (!template || !('file' in template)) return;
    setBusy('keep');
    setError(null);
    try {
      const kept = await invoke('ncDocuments:keepTemplate', { engagementHandle: handle, file: template.file, language });
      setTemplates(await invoke('ncDocuments:templates', { engagementHandle: handle }));
      setTemplate({ profileTemplate: kept.key });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  const nextRevision = (kind: DocumentExportView['kind']) => Math.max(0, ...history.filter((row) => row.kind === kind).map((row) => row.revision)) + 1;
  const count = ncs?.length ?? 0;
  const templateLocksLanguage = format === 'template' && template !== null && 'profileTemplate' in template;
  const formsBlocked = count === 0 || (format === 'template' && (!template || !check?.fillable));

  async function exportForms() {
    const kind = format === 'pdf' ? 'pdf' : 'word';
    const suggested = safeFileName(t('ncDocuments.formsFileName', { client, revision: nextRevision('nc-form') }));
    const file = await chooser.choose({ mode: 'save', kind, suggestedName: suggested, title: t('ncDocuments.exportForms') });
    if (!file) return;
    setBusy('forms');
    setError(null);
    try {
      setFormsResult(
        await invoke('ncDocuments:exportForms', {
          engagementHandle: handle,
          format: format === 'pdf' ? 'pdf' : 'docx',
          language,
          file,
          perNonconformity: perNc,
          ...(format === 'template' && template ? { template } : {}),
        }),
      );
      await reloadHistory();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function exportRecord() {
    const recordFormat = format === 'pdf' ? 'pdf' : 'docx';
    const suggested = safeFileName(t('ncDocuments.recordFileName', { client, revision: nextRevision('closing-meeting') }));
    const file = await chooser.choose({ mode: 'save', kind: recordFormat === 'pdf' ? 'pdf' : 'word', suggestedName: suggested, title: t('ncDocuments.exportRecord') });
    if (!file) return;
    setBusy('record');
    setError(null);
    try {
      setRecordResult(await invoke('ncDocuments:exportRecord', { engagementHandle: handle, format: recordFormat, language, file }));
      await reloadHistory();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card withBorder padding="md" data-testid="closing-documents">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{t('ncDocuments.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('ncDocuments.intro')}
            </Text>
          </div>
          {ncs ? (
            <Badge variant="light" color={count ? 'red' : 'gray'} data-testid="nc-count">
              {t('ncDocuments.count', { count })}
            </Badge>
          ) : null}
        </Group>
        {ncs && count > 0 ? (
          <Text size="sm" data-testid="nc-numbers">
            {t('ncDocuments.numbers')}{' '}
            <Text span ff="monospace" size="sm" translate="no">
              {ncs.map((nc) => nc.number).join(t('common.listSeparator'))}
            </Text>
          </Text>
        ) : null}
        {ncs && count === 0 ? (
          <Alert variant="light" color="gray" data-testid="nc-none">
            {t('ncDocuments.none')}
          </Alert>
        ) : null}

        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('ncDocuments.language')}
            description={reportLanguagesHint(t, reportLanguages)}
            data={documentLanguageOptions()}
            value={language}
            onChange={(value) => value && setLanguage(value as DocumentLanguage)}
            allowDeselect={false}
            disabled={templateLocksLanguage}
            w={200}
            data-testid="nc-language"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ncDocuments.format')}
            </Text>
            <SegmentedControl
              value={format}
              onChange={(value) => (setFormat(value as Format), setFormsResult(null), setRecordResult(null))}
              data={[
                { value: 'pdf', label: t('ncDocuments.pdf') },
                { value: 'docx', label: t('ncDocuments.docx') },
                { value: 'template', label: t('ncDocuments.template') },
              ]}
              data-testid="nc-format"
            />
          </Stack>
          <Checkbox label={t('ncDocuments.perNc')} checked={perNc} onChange={(event) => setPerNc(event.currentTarget.checked)} data-testid="nc-per-nc" mb={8} />
        </Group>

        {format === 'template' ? (
          <Stack gap="xs" data-testid="nc-template-choice">
            {templates.length ? (
              <Select
                label={t('ncDocuments.templateChoose')}
                data={templates.map((item) => ({ value: item.key, label: t('plan.export.templateFromProfile', { title: item.title, file: item.fileName, language: documentLanguageName(t, item.language) }) }))}
                value={template && 'profileTemplate' in template ? template.profileTemplate : null}
                onChange={(key) => key && void chooseTemplate({ profileTemplate: key })}
                placeholder={template && 'file' in template ? template.file : undefined}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('ncDocuments.templateNone')}
              </Text>
            )}
            <Group gap="sm">
              <Button variant="light" size="xs" onClick={() => void pickTemplateFile()} data-testid="nc-template-file">
                {t('ncDocuments.templateFile')}
              </Button>
              <PlaceholderList placeholders={NC_FORM_PLACEHOLDERS} title={t('ncDocuments.placeholders')} intro={t('ncDocuments.placeholdersIntro')} testId="nc-placeholder-list" />
            </Group>
            {checking ? (
              <Text size="sm" c="dimmed">
                {t('plan.template.checking')}
              </Text>
            ) : null}
            {check ? <TemplateCheckPanel check={check} /> : null}
            {check?.fillable && template && 'file' in template ? (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => void keepTemplate()} loading={busy === 'keep'} disabled={readOnly} data-testid="nc-template-keep">
                  {t('ncDocuments.keep')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('ncDocuments.keepHint')}
                </Text>
              </Group>
            ) : null}
            <Text size="xs" c="dimmed">
              {t('ncDocuments.templateRecordNote')}
            </Text>
          </Stack>
        ) : null}

        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {formsResult ? <FormsDone result={formsResult} /> : null}
        {recordResult ? <ExportDone result={recordResult} testId="closing-record" shaTestId="closing-record-sha" /> : null}

        <Group gap="sm">
          <Button leftSection={<IconFileCertificate size={16} />} onClick={() => void exportForms()} loading={busy === 'forms'} disabled={formsBlocked || readOnly || busy !== null} data-testid="nc-export-forms">
            {t('ncDocuments.exportForms')}
          </Button>
          <Button variant="default" leftSection={<IconFileText size={16} />} onClick={() => void exportRecord()} loading={busy === 'record'} disabled={readOnly || busy !== null} data-testid="nc-export-record">
            {t('ncDocuments.exportRecord')}
          </Button>
          {readOnly ? (
            <Text size="xs" c="dimmed">
              {t('ncDocuments.readOnly')}
            </Text>
          ) : null}
        </Group>
        <Group grow align="flex-start">
          <ExportHistory title={t('ncDocuments.historyForms')} history={history.filter((row) => row.kind === 'nc-form')} testId="nc-forms" show="file" />
          <ExportHistory title={t('ncDocuments.historyRecord')} history={history.filter((row) => row.kind === 'closing-meeting')} testId="closing-record" show="sha" />
        </Group>
      </Stack>
      {chooser.picker}
    </Card>
  );
}
