import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentExportView, PlanExportView } from '../../../../shared/contract/plan-views.ts';
import { LANGUAGE_NAMES, type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { formatBytes, formatInstant } from '../../components/format.ts';

/**
 * What an export dialog shows after a document was written: the revision, file, size and SHA-256,
 * and in the browser host the download link. `testId` names the dialog's elements (plan, sign-in);
 * `title` replaces "Revision N exported" (a report draft), `children` follow (a package's files).
 */
export function ExportDone({ result, testId, shaTestId, title, children }: { result: PlanExportView; testId: string; shaTestId?: string; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={title ?? t('plan.export.done', { revision: result.revision })} data-testid={`${testId}-exported`}>
      <Stack gap={4}>
        <Text size="sm">{t('plan.export.saved', { file: result.file, size: formatBytes(result.size) })}</Text>
        <Text size="xs">
          {t('plan.export.fingerprint')}: <Code data-testid={shaTestId} style={{ wordBreak: 'break-all' }}>{result.sha256}</Code>
        </Text>
        {result.downloadUrl ? (
          <>
            <Anchor href={result.downloadUrl} download size="sm" data-testid={`${testId}-download`}>
              <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> {t('plan.export.download', { file: result.file })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('plan.export.downloadHint')}
            </Text>
          </>
        ) : null}
        {children}
      </Stack>
    </Alert>
  );
}

/** The register's earlier exports of one kind: revision, format, language, when, by whom, and which file. */
export function ExportHistory({ title, history, testId, show }: { title: string; history: readonly DocumentExportView[]; testId: string; show: 'sha' | 'file' }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      {history.length === 0 ? <Text size="sm" c="dimmed">{t('plan.export.historyEmpty')}</Text> : null}
      {history.map((row) => (
        <Text key={row.sha256} size="xs" data-testid={`${testId}-export-row`}>
          {t('plan.export.historyRow', { revision: row.revision, format: row.format.toUpperCase(), language: LANGUAGE_NAMES[row.language as DocumentLanguage] ?? row.language, date: formatInstant(row.exportedAt), by: row.exportedBy })}
          {' · '}
          <Text span ff={show === 'sha' ? 'monospace' : undefined} size="xs" c="dimmed" translate="no">
            {show === 'sha' ? `${row.sha256.slice(0, 16)}…` : row.fileName}
          </Text>
        </Text>
      ))}
    </div>
  );
}
