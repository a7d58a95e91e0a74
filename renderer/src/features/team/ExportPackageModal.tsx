import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { JobProgress } from './JobProgress.tsx';
import { ShaResult } from './ShaResult.tsx';

/** A member's return package for the lead: a name, an optional passphrase, then its SHA-256. */
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
  const mismatch = passphrase !== confirm;
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
        { kind: 'team:exportPackage', engagementHandle: handle, file, ...(passphrase ? { passphrase } : {}) },
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
