import { Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGateView, ReviewPackageView } from '../../../../shared/contract/report-views.ts';
import { LANGUAGE_NAMES } from '../../../../shared/documents/plan-input.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { safeFileName } from '../../components/format.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { ExportDone } from '../plan/ExportOutcome.tsx';
import { JobProgress } from '../team/JobProgress.tsx';
import type { ReportSettings } from './ReportExportCard.tsx';
import { usePhaseLabel } from './use-phase-label.ts';

const CONTENTS = ['report', 'plan', 'ncForms', 'closing', 'evidence', 'data'] as const;

/**
 * The technical-review package for the certification body: what it holds, made in the report's
 * language with or without the photo annex, only once the completeness check passes — the report
 * inside is issued with it as the next revision; then the zip's fingerprint and the files inside it.
 */
export function ReviewPackageCard({
  handle,
  client,
  readOnly,
  gate,
  settings,
  chooser,
  onExported,
}: {
  handle: string;
  client: string;
  readOnly: boolean;
  gate: ReportGateView;
  settings: ReportSettings;
  chooser: ReturnType<typeof useFileChooser>;
  onExported: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const phaseLabel = usePhaseLabel();
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReviewPackageView | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function exportPackage() {
    const name = safeFileName(t('report.package.fileName', { client, revision: gate.nextRevision }));
    const file = await chooser.choose({ mode: 'save', kind: 'zip', suggestedName: name, title: t('report.package.title') });
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      await flush();
      setResult(await runJob({ kind: 'report:exportPackage', engagementHandle: handle, language: settings.language, file, photos: settings.photos && gate.photos.count > 0 }, setJobId));
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
      setBusy(false);
      await onExported();
    }
  }

  return (
    <Card withBorder padding="lg" data-testid="report-package">
      <Stack gap="sm">
        <Title order={4}>{t('report.package.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('report.package.intro')}
        </Text>
        <List size="sm" spacing={2} data-testid="report-package-contents">
          {CONTENTS.map((part) => (
            <List.Item key={part}>{t(`report.package.contents.${part}`, { revision: gate.nextRevision })}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('report.package.settings', { language: LANGUAGE_NAMES[settings.language] })}
        </Text>
        <JobProgress jobId={jobId} phaseLabel={phaseLabel} />
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {result ? (
          <ExportDone result={result} testId="report-package" shaTestId="report-package-sha" title={t('report.package.done', { revision: result.reportRevision })}>
            <Text size="xs" mt={4}>
              {t('report.package.entries', { count: result.entries.length })}
            </Text>
            <SimpleGrid cols={2} spacing={2} verticalSpacing={0} data-testid="report-package-entries" translate="no">
              {result.entries.map((entry) => (
                <Text key={entry} size="xs" ff="monospace">
                  {entry}
                </Text>
              ))}
            </SimpleGrid>
          </ExportDone>
        ) : null}
        <div>
          <Button variant="default" leftSection={<IconFileZip size={16} />} onClick={() => void exportPackage()} loading={busy} disabled={!gate.ready || readOnly || busy} data-testid="report-package-export">
            {t('report.package.submit')}
          </Button>
          {!gate.ready ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('report.package.blocked')}
            </Text>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}
