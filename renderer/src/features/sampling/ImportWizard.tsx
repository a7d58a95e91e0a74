import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreviewView, ImportedPopulationView } from '../../../../shared/contract/sampling-views.ts';
import type { ColumnRole } from '../../../../shared/sampling/sampling-kinds.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { errorCode } from '../../components/errors.ts';
import { invoke } from '../../contract/client.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { defaultName, formProblem, importInput, initialMapping, withRole, type ColumnChoice, type PopulationForm } from './import-mapping.ts';
import { ImportOutcome, ImportProgress } from './wizard-outcome.tsx';
import { PopulationFields } from './wizard-population.tsx';
import { MappingTable, PresetBadge, PreviewProblems, ReadingControls, type ExportReading } from './wizard-reading.tsx';
import type { SamplingContext } from './use-sampling-context.ts';

const DATE_ROLES: readonly ColumnRole[] = ['opened', 'closed'];

const emptyForm = (file: string, topic: string | null): PopulationForm => ({ topic, name: defaultName(file), periodFrom: null, periodTo: null, siteId: '', badRows: 'skip', dayFirst: null });

/**
 * Import an export (I): the file chosen, read by `sampling:sniff` (encoding, delimiter, sheet and
 * header row shown and changeable), its first rows with a role per column, the population's process,
 * name, period and site; then the `sampling:import` job with its progress and Cancel, and its result.
 * Columns set to "Not kept" are never sent: their values never reach the engagement file.
 */
export function ImportWizard({ ctx, opened, topic, chooser, onClose, onImported }: { ctx: SamplingContext; opened: boolean; topic: string | null; chooser: ReturnType<typeof useFileChooser>; onClose: () => void; onImported: (populationId: string) => void }) {
  const { t } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const [file, setFile] = useState<string | null>(null);
  const [reading, setReading] = useState<ExportReading>({});
  const [preview, setPreview] = useState<ExportPreviewView | null>(null);
  const [mapping, setMapping] = useState<ColumnChoice[]>([]);
  const [form, setForm] = useState<PopulationForm | null>(null);
  const [sniffing, setSniffing] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportedPopulationView | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(false);

  const reset = () => {
    setFile(null);
    setReading({});
    setPreview(null);
    setMapping([]);
    setForm(null);
    setJobId(null);
    setResult(null);
    setCancelled(false);
    setError(null);
    asked.current = false;
  };
  const close = () => {
    if (jobId) return; // a running import is cancelled first, never left behind a closed dialog
    reset();
    onClose();
  };

  async function sniff(chosen: string, next: ExportReading) {
    setSniffing(true);
    setError(null);
    try {
      const read = await invoke('sampling:sniff', { engagementHandle: ctx.handle, file: chosen, ...(Object.keys(next).length ? { reading: next } : {}) });
      setPreview(read);
      setMapping(initialMapping(read));
      setForm((before) => ({ ...(before ?? emptyForm(read.fileName || chosen, topic)), dayFirst: read.dayFirst }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSniffing(false);
    }
  }

  // Opening the wizard asks for the file first; cancelling the chooser closes it.
  useEffect(() => {
    if (!opened || asked.current) return;
    asked.current = true;
    void chooser.choose({ mode: 'open', kind: 'export', suggestedName: '', title: t('sampling.wizard.choose') }).then((chosen) => {
      if (!chosen) return close();
      setFile(chosen);
      void sniff(chosen, {});
    });
  });

  const changeReading = (change: ExportReading) => {
    if (!file) return;
    // A new encoding or delimiter re-reads the columns, so the header row and sheet go with it as set.
    const next = { ...reading, encoding: preview?.encoding, delimiter: preview?.format === 'csv' ? (preview.delimiter as ExportReading['delimiter']) : undefined, sheet: preview?.sheet ?? undefined, headerRow: preview?.headerRow, ...change };
    const clean = Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as ExportReading;
    setReading(clean);
    void sniff(file, clean);
  };

  async function startImport() {
    if (!file || !preview || !form) return;
    setError(null);
    setCancelled(false);
    try {
      await flush();
      const imported = await runJob(importInput(ctx.handle, file, preview, mapping, form), setJobId);
      setResult(imported);
      onImported(imported.population.id);
    } catch (failure) {
      if (errorCode(failure) === 'JOB_CANCELLED') setCancelled(true);
      else setError(failure);
    } finally {
      setJobId(null);
    }
  }

  const askDayFirst = Boolean(preview && preview.dayFirst === null && mapping.some((column) => DATE_ROLES.includes(column.role)));
  const problem = form ? (formProblem(mapping, form) ?? (askDayFirst && form.dayFirst === null ? 'dates' : null)) : null;
  const editing = preview && form && !result;

  return (
    <Modal opened={opened && (file !== null || error !== null)} onClose={close} title={t('sampling.wizard.title')} size="90%" closeOnClickOutside={false} closeOnEscape={!jobId}>
      <Stack gap="md" data-testid="import-wizard">
        {error ? <ErrorNotice error={error} /> : null}
        {sniffing && !preview ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('sampling.wizard.reading')}</Text>
          </Group>
        ) : null}
        {editing ? (
          <>
            <ReadingControls preview={preview} busy={sniffing || jobId !== null} onReading={changeReading} />
            <Group justify="space-between" align="center">
              <PresetBadge preset={preview.preset} />
              <Text size="xs" c="dimmed">
                {t('sampling.wizard.kept', { kept: mapping.filter((column) => column.role !== 'drop').length, total: mapping.length })}
              </Text>
            </Group>
            <Alert color="blue" variant="light" p="xs" icon={<IconShieldCheck size={16} />}>
              <Text size="sm">{t('sampling.wizard.keepOnly')}</Text>
            </Alert>
            <MappingTable preview={preview} mapping={mapping} onRole={(index, role) => setMapping((before) => withRole(before, index, role))} />
            <PreviewProblems problems={preview.problems} />
            <PopulationFields ctx={ctx} form={form} onForm={(change) => setForm((before) => (before ? { ...before, ...change } : before))} askDayFirst={askDayFirst} />
          </>
        ) : null}
        <ImportProgress jobId={jobId} />
        {cancelled ? (
          <Alert color="gray" variant="light" data-testid="import-cancelled">
            {t('sampling.wizard.cancelled')}
          </Alert>
        ) : null}
        {result ? <ImportOutcome result={result} /> : null}
        <Group justify="space-between">
          <Text size="sm" c="orange.8" data-testid="wizard-problem">
            {editing && problem ? t(`sampling.wizard.problem.${problem}`) : ''}
          </Text>
          <Group gap="sm">
            {jobId ? (
              <Button variant="default" onClick={() => void invoke('job:cancel', { jobId })} data-testid="import-cancel">
                {t('common.cancel')}
              </Button>
            ) : (
              <Button variant="default" onClick={close}>
                {t(result ? 'common.close' : 'common.cancel')}
              </Button>
            )}
            {editing ? (
              <Button onClick={() => void startImport()} disabled={problem !== null || sniffing || ctx.readOnly} loading={jobId !== null} data-testid="import-submit">
                {t('sampling.wizard.import')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
