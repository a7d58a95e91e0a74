import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PackageFilesView } from '../../../../shared/contract/team-views.ts';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { JobProgress } from './JobProgress.tsx';
import { ShaResult } from './ShaResult.tsx';

/** Above this the evidence files are left out by default (the package should still go by mail or a small stick). */
export const INCLUDE_FILES_DEFAULT_LIMIT = 200 * 1024 * 1024;

/**
 * A member's return package for the lead: the evidence files or not (when there are any), an
 * optional passphrase, a name, then its SHA-256.
 */
export function ExportPackageModal({
  opened,
  onClose,
  handle,
  suggestedName,
  chooser,
}: {
  opened: boolean;
  onClose: () => void;
  handle: string;
  suggestedName: string;
  chooser: ReturnType<typeof useFileChooser>;
}) {
  const { t } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<{ file: string; sha256: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [choosing, setChoosing] = useState(false);
  const [files, setFiles] = useState<PackageFilesView | null>(null);
  const [includeFiles, setIncludeFiles] = useState(true);
  const mismatch = passphrase !== confirm;

  // What "include evidence files" would carry, read when the dialog opens (files attached since the copy was issued).
  useEffect(() => {
    if (!opened) return;
    let current = true;
    setFiles(null);
    invoke('team:overview', { engagementHandle: handle }).then(
      (overview) => {
        if (!current) return;
        setFiles(overview.packageFiles);
        setIncludeFiles(overview.packageFiles.bytes <= INCLUDE_FILES_DEFAULT_LIMIT);
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [opened, handle]);
  const tooShort = passphrase.length > 0 && passphrase.length < 8;

  const close = () => {
    setPassphrase('');
    setConfirm('');
    setResult(null);
    setError(null);
    setJobId(null);
    onClose();
  };

  async function create() {
    setError(null);
    // One dialog at a time: this one steps aside while the file is chosen.
    setChoosing(true);
    const file = await chooser.choose({ mode: 'save', kind: 'package', suggestedName, title: t('team.exportTitle') });
    setChoosing(false);
    if (!file) return;
    try {
      await flush();
      const value = await runJob(
        { kind: 'team:exportPackage', engagementHandle: handle, file, includeFiles: Boolean(files?.count) && includeFiles, ...(passphrase ? { passphrase } : {}) },
        setJobId,
      );
      setResult(value);
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
    }
  }

  return (
    <Modal opened={opened && !choosing} onClose={close} title={t('team.exportTitle')} size="lg">
      <Stack>
        {result ? (
          <ShaResult title={t('team.exportDone')} file={result.file} sha256={result.sha256} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('team.exportIntro')}
            </Text>
            {files && files.count > 0 ? (
              <Checkbox
                checked={includeFiles}
                onChange={(event) => setIncludeFiles(event.currentTarget.checked)}
                label={t('team.includeFiles', { count: files.count, size: formatBytes(files.bytes) })}
                description={
                  files.bytes > INCLUDE_FILES_DEFAULT_LIMIT
                    ? `${t('team.includeFilesHint')} ${t('team.includeFilesLarge', { limit: formatBytes(INCLUDE_FILES_DEFAULT_LIMIT) })}`
                    : t('team.includeFilesHint')
                }
                data-testid="include-files"
              />
            ) : null}
            <PasswordInput
              label={t('team.passphrase')}
              description={t('team.passphraseHint')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={tooShort ? t('team.passphraseShort') : null}
            />
            {passphrase ? (
              <PasswordInput
                label={t('team.passphraseConfirm')}
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={confirm && mismatch ? t('team.passphraseMismatch') : null}
              />
            ) : null}
            <JobProgress jobId={jobId} />
          </>
        )}
        {error ? <ErrorNotice error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t(result ? 'common.close' : 'common.cancel')}
          </Button>
          {!result ? (
            <Button onClick={() => void create()} disabled={Boolean(passphrase) && (mismatch || tooShort)} loading={jobId !== null}>
              {t('team.exportSubmit')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
