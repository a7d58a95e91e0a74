import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ContractFailure, invoke } from '../../contract/client.ts';
import { useJobsStore } from '../../state/jobs-store.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { FilePickerModal } from '../files/FilePickerModal.tsx';
import { JobProgress } from '../team/JobProgress.tsx';
import { ShaResult } from '../team/ShaResult.tsx';

/** Save a copy: choose a name, watch the copy job, then read its SHA-256 to give the recipient. */
export function SaveCopyModal({
  opened,
  onClose,
  handle,
  suggestedName,
}: {
  opened: boolean;
  onClose: () => void;
  handle: string;
  suggestedName: string;
}) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const job = useJobsStore((s) => (jobId ? s.jobs[jobId] : undefined));
  const track = useJobsStore((s) => s.track);
  const flush = useSaveStore((s) => s.flush);
  const native = useAppStore((s) => s.info?.fileAccess === 'native');

  // Desktop: the system save dialog replaces the in-page picker.
  useEffect(() => {
    if (!opened || !native || jobId) return;
    invoke('dialog:pickFile', { mode: 'save', suggestedName: `${suggestedName}.iso20k` }).then(
      ({ file }) => (file ? void start(file) : onClose()),
      setStartError,
    );
    // Runs once per opening of the dialog, not on every render of its inputs.
  }, [opened, native]);

  const close = () => {
    setJobId(null);
    setStartError(null);
    onClose();
  };

  async function start(file: string) {
    setStartError(null);
    try {
      await flush(); // the copy must hold what the user just typed
      const started = await invoke('job:start', { kind: 'engagement:saveCopy', engagementHandle: handle, file });
      track(started.jobId);
      setJobId(started.jobId);
    } catch (error) {
      setStartError(error);
    }
  }

  if (!jobId && !startError) {
    if (native) return null; // the system dialog is showing (see the effect above)
    return <FilePickerModal mode="save" opened={opened} onClose={close} onPick={(file) => void start(file)} suggestedName={suggestedName} />;
  }

  const value = job?.status === 'done' ? (job.value as { file: string; sha256: string }) : null;
  return (
    <Modal opened={opened} onClose={close} title={t('copy.title')} size="lg" closeOnClickOutside={job?.status !== 'running'}>
      <Stack>
        {startError ? <ErrorNotice error={startError} /> : null}
        {job?.status === 'running' ? (
          <Stack gap="xs">
            <JobProgress jobId={job.jobId} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void invoke('job:cancel', { jobId: job.jobId })}>
                {t('copy.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {job?.status === 'failed' ? <ErrorNotice error={new ContractFailure({ code: job.error!.code as never, params: job.error!.params as never })} /> : null}
        {value ? <ShaResult title={t('copy.done', { file: value.file })} file={value.file} sha256={value.sha256} /> : null}
        {job?.status !== 'running' ? (
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
}
