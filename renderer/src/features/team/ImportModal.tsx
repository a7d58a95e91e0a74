import { Alert, Button, Group, List, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewView } from '../../../../shared/contract/team-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { errorCode } from '../../components/errors.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { JobProgress } from './JobProgress.tsx';

/**
 * Import from a team member: a preview of what will be added, changed and in conflict before
 * anything is written; a passphrase when the package has one; then the import itself.
 */
export function ImportModal({
  file,
  onClose,
  onImported,
  handle,
}: {
  file: string | null;
  onClose: () => void;
  onImported: () => void;
  handle: string;
}) {
  const { t, i18n } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [done, setDone] = useState<ImportPreviewView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const needsPassphrase = ['MERGE_PASSPHRASE_REQUIRED', 'MERGE_WRONG_PASSPHRASE'].includes(errorCode(error) ?? '');

  const reset = () => {
    setPassphrase('');
    setPreview(null);
    setDone(null);
    setError(null);
    setJobId(null);
    setAsked(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  async function runPreview() {
    if (!file) return;
    setError(null);
    try {
      await flush();
      const value = await runJob(
        { kind: 'team:previewImport', engagementHandle: handle, file, ...(passphrase ? { passphrase } : {}) },
        setJobId,
      );
      setPreview(value);
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
    }
  }

  async function runImport() {
    if (!file) return;
    setError(null);
    try {
      const value = await runJob(
        { kind: 'team:import', engagementHandle: handle, file, ...(passphrase ? { passphrase } : {}) },
        setJobId,
      );
      setDone(value);
      onImported();
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
    }
  }

  // The preview runs as soon as a file is chosen.
  useEffect(() => {
    if (file && asked !== file) {
      setAsked(file);
      void runPreview();
    }
  });

  const facts = (summary: ImportPreviewView) => (
    <List size="sm" spacing={4} data-testid="import-facts">
      <List.Item>{t('team.factsEntries', { count: summary.entriesAdded })}</List.Item>
      <List.Item>{t('team.factsRows', { count: summary.rowsAdded })}</List.Item>
      <List.Item>{t('team.factsFields', { count: summary.fieldsChanged })}</List.Item>
      <List.Item>
        <Text span size="sm" c={summary.conflictsOpened ? 'orange.8' : undefined} fw={summary.conflictsOpened ? 600 : undefined}>
          {t('team.factsConflicts', { count: summary.conflictsOpened })}
        </Text>
      </List.Item>
      {summary.entriesAlreadyPresent ? <List.Item>{t('team.factsPresent', { count: summary.entriesAlreadyPresent })}</List.Item> : null}
      <List.Item data-testid="import-files">
        {summary.files.inPackage
          ? t('team.factsFiles', { count: summary.files.inPackage, size: formatBytes(summary.files.inPackageBytes), newHere: formatNumber(summary.files.newHere) })
          : t('team.factsNoFiles')}
      </List.Item>
      {summary.files.heldBack ? (
        <List.Item data-testid="import-held-back">
          <Text span size="sm" c="orange.8">
            {t('team.factsHeldBack', {
              count: summary.files.heldBack,
              names: new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(summary.files.heldBy),
            })}
          </Text>
        </List.Item>
      ) : null}
    </List>
  );

  return (
    <Modal opened={file !== null} onClose={close} title={t('team.importTitle')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {file}
        </Text>
        <JobProgress jobId={jobId} />
        {needsPassphrase ? (
          <Stack gap="xs">
            <PasswordInput
              label={t('team.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button onClick={() => void runPreview()} disabled={passphrase.length < 8} loading={jobId !== null}>
                {t('team.unlock')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        {preview && !done ? (
          <Stack gap="xs" data-testid="import-preview">
            <Text fw={600}>{t('team.previewFrom', { name: preview.sourceActorName })}</Text>
            {facts(preview)}
            {preview.clockAheadMs > 5 * 60_000 ? (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />}>
                {t('team.clockAhead', { hours: Math.round(preview.clockAheadMs / 3_600_000) })}
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        {done ? (
          <Alert color="teal" variant="light" title={t('team.importDone', { name: done.sourceActorName })} data-testid="import-done">
            {facts(done)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t(done ? 'common.close' : 'common.cancel')}
          </Button>
          {preview && !done ? (
            <Button onClick={() => void runImport()} loading={jobId !== null} disabled={preview.entriesAdded === 0 && preview.files.newHere === 0}>
              {t('team.importSubmit')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
