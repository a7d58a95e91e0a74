import { Button, Card, Checkbox, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileCertificate, IconFileDescription } from '@tabler/icons-react';
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportView, ReportGateView } from '../../../../shared/contract/report-views.ts';
import { type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { documentLanguageOptions, reportLanguagesHint } from '../../components/options.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, safeFileName } from '../../components/format.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { ExportDone } from '../plan/ExportOutcome.tsx';
import { ReportSignedNote, ReportSignOptions, signOption, signReady, type SignChoice } from '../signing/ReportSignOptions.tsx';
import { useSigningStore } from '../signing/signing-store.ts';
import { JobProgress } from '../team/JobProgress.tsx';
import { ReportTemplateChoice } from './ReportTemplateChoice.tsx';
import { useReportTemplate } from './use-report-template.ts';
import { usePhaseLabel } from './use-phase-label.ts';

type Layout = 'ours' | 'template';

export interface ReportSettings {
  readonly language: DocumentLanguage;
  readonly photos: boolean;
}

/**
 * Export the report: PDF to print or Word to edit (our layout, or the CB's report template filled
 * as Word), the language, the photo annex; then "Export draft" — always, marked DRAFT — or "Issue
 * revision N", only once the completeness check passes. The export runs as a job with its phase and
 * a progress bar; the file's revision, size and SHA-256 follow, and in the browser its download link.
 */
export function ReportExportCard({
  handle,
  client,
  readOnly,
  gate,
  settings,
  onSettings,
  reportLanguages,
  chooser,
  onExported,
}: {
  handle: string;
  client: string;
  readOnly: boolean;
  gate: ReportGateView;
  settings: ReportSettings;
  onSettings: Dispatch<SetStateAction<ReportSettings>>;
  reportLanguages: readonly DocumentLanguage[];
  chooser: ReturnType<typeof useFileChooser>;
  onExported: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const phaseLabel = usePhaseLabel();
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [layout, setLayout] = useState<Layout>('ours');
  const [busy, setBusy] = useState<'draft' | 'issue' | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ReportExportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const onError = useCallback((failure: unknown) => setError(failure), []);
  const useTemplate = format === 'docx' && layout === 'template';
  const template = useReportTemplate(handle, settings.language, useTemplate, (language) => onSettings((before) => ({ ...before, language })), onError);
  const templateBlocked = useTemplate && (!template.choice || !template.check?.fillable);
  const revision = gate.nextRevision;
  // Issue 19: the issued revision is signed with the installation's certificate unless unticked.
  const identity = useSigningStore((s) => s.status?.identity ?? null);
  const [signChoice, setSignChoice] = useState<SignChoice>(() => ({ sign: true, role: t('signing.defaultRole'), passphrase: '' }));
  const signBlocked = !signReady(identity, signChoice);

  async function exportReport(draft: boolean) {
    const name = safeFileName(t(draft ? 'report.export.draftName' : 'report.export.issuedName', { client, revision }));
    const file = await chooser.choose({ mode: 'save', kind: format === 'pdf' ? 'pdf' : 'word', suggestedName: name, title: draft ? t('report.export.draft') : t('report.export.issue', { revision }) });
    if (!file) return;
    // Drafts are never signed; the passphrase is used for this export only.
    const sign = draft ? undefined : signOption(identity, signChoice);
    if (sign?.passphrase) setSignChoice((before) => ({ ...before, passphrase: '' }));
    setBusy(draft ? 'draft' : 'issue');
    setError(null);
    setResult(null);
    try {
      await flush();
      const exported = await runJob(
        {
          kind: 'report:export',
          engagementHandle: handle,
          format,
          language: settings.language,
          file,
          draft,
          photos: settings.photos && gate.photos.count > 0,
          ...(useTemplate && template.choice ? { template: template.choice } : {}),
          ...(sign ? { sign } : {}),
        },
        setJobId,
      );
      setResult(exported);
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
      setBusy(null);
      // The register lists the new file; an issued revision moves the next one on.
      await onExported();
    }
  }

  const languageLocked = useTemplate && template.choice !== null && 'profileTemplate' in template.choice;
  return (
    <Card withBorder padding="lg" data-testid="report-export">
      <Stack gap="md">
        <div>
          <Title order={4}>{t('report.export.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('report.export.intro')}
          </Text>
        </div>

        <Group align="flex-end" gap="lg" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-format-label">
              {t('report.export.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-format-label"
              value={format}
              onChange={(value) => (setFormat(value as 'pdf' | 'docx'), setResult(null))}
              data={[
                { value: 'pdf', label: t('report.export.pdf') },
                { value: 'docx', label: t('report.export.docx') },
              ]}
              data-testid="report-format"
            />
          </Stack>
          <Select
            label={t('report.export.language')}
            description={reportLanguagesHint(t, reportLanguages)}
            data={documentLanguageOptions()}
            value={settings.language}
            onChange={(value) => value && onSettings((before) => ({ ...before, language: value as DocumentLanguage }))}
            allowDeselect={false}
            disabled={languageLocked}
            w={300}
            data-testid="report-language"
          />
        </Group>

        {format === 'docx' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-layout-label">
              {t('report.export.layout')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-layout-label"
              value={layout}
              onChange={(value) => (setLayout(value as Layout), setResult(null))}
              data={[
                { value: 'ours', label: t('report.export.ourLayout') },
                { value: 'template', label: t('report.export.cbTemplate') },
              ]}
              data-testid="report-layout"
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
        ) : null}
        {useTemplate ? <ReportTemplateChoice template={template} readOnly={readOnly} chooser={chooser} /> : null}

        {gate.photos.count > 0 ? (
          <Checkbox
            checked={settings.photos}
            onChange={(event) => {
              const photos = event.currentTarget.checked;
              onSettings((before) => ({ ...before, photos }));
            }}
            label={t('report.export.photos', { count: gate.photos.count, size: formatBytes(gate.photos.bytes) })}
            description={t('report.export.photosHint')}
            data-testid="report-photos"
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="report-no-photos">
            {t('report.export.noPhotos')}
          </Text>
        )}

        <ReportSignOptions identity={identity} choice={signChoice} onChoice={setSignChoice} />

        <JobProgress jobId={jobId} phaseLabel={phaseLabel} />
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {result ? (
          <ExportDone result={result} testId="report" shaTestId="report-export-sha" title={result.draft ? t('report.export.draftDone', { revision: result.revision }) : t('report.export.issued', { revision: result.revision })}>
            {!result.draft && result.signature ? <ReportSignedNote signature={result.signature} /> : null}
          </ExportDone>
        ) : null}

        <Group gap="md" align="flex-start">
          <Stack gap={4}>
            <Button variant="default" leftSection={<IconFileDescription size={16} />} onClick={() => void exportReport(true)} loading={busy === 'draft'} disabled={readOnly || busy !== null || templateBlocked} data-testid="report-export-draft">
              {t('report.export.draft')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('report.export.draftHint')}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Button leftSection={<IconFileCertificate size={16} />} onClick={() => void exportReport(false)} loading={busy === 'issue'} disabled={!gate.ready || readOnly || busy !== null || templateBlocked || signBlocked} data-testid="report-issue">
              {t('report.export.issue', { revision })}
            </Button>
            {!gate.ready ? (
              <Text size="xs" c="dimmed">
                {t('report.export.issueBlocked')}
              </Text>
            ) : null}
            {gate.ready && signBlocked ? (
              <Text size="xs" c="dimmed" data-testid="report-sign-blocked">
                {t('signing.report.passphraseNeeded')}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {readOnly ? (
          <Text size="xs" c="dimmed">
            {t('report.export.readOnly')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
