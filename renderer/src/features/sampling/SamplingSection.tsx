import { Alert, Button, Grid, Group, Kbd, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useSampling } from '../../state/sampling.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { invoke } from '../../contract/client.ts';
import { WhoAreYou } from '../fieldwork/WhoAreYou.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { PopulationDetail } from './PopulationDetail.tsx';
import { PopulationList, type Selection } from './population-list.tsx';
import { SampleView } from './testing/SampleView.tsx';
import { useSamplingContext } from './use-sampling-context.ts';

/**
 * Sampling (Alt+S): the populations imported from the client's exports, by process, with the samples
 * drawn from each; the selected population's facts, records, strata and Draw panel, or the selected
 * sample. I imports an export.
 */
export function SamplingSection() {
  const { t, i18n } = useTranslation();
  const handle = useAppStore((s) => s.current!.handle);
  const ctx = useSamplingContext(i18n.language);
  const load = useSampling((s) => s.load);
  const reload = useSampling((s) => s.reload);
  const state = useSampling((s) => (s.handle === handle ? s.state : null));
  const loadError = useSampling((s) => s.error);
  const chooser = useFileChooser();
  const [importing, setImporting] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  useEffect(() => {
    void load(handle);
  }, [handle, load]);

  const canImport = !ctx.readOnly;
  useGuardedHotkeys([['i', () => canImport && setImporting(true)]]);

  const populations = state?.populations ?? [];
  const shown = selection ?? (populations[0] ? { kind: 'population' as const, id: populations[0].id } : null);
  const population = shown?.kind === 'population' ? populations.find((item) => item.id === shown.id) : undefined;
  const sample = shown?.kind === 'sample' ? state?.samples.find((item) => item.id === shown.id) : undefined;
  const error = ctx.error ?? loadError;

  return (
    <Stack gap="md" data-testid="sampling-section">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('sampling.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('sampling.intro')}
          </Text>
        </div>
        <Tooltip label={<Kbd size="xs">I</Kbd>}>
          <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} disabled={!canImport} data-testid="sampling-import">
            {t('sampling.importButton')}
          </Button>
        </Tooltip>
      </Group>
      {error ? <ErrorNotice error={error} /> : null}
      {ctx.pack === null ? <Alert color="yellow">{t('sampling.noPack')}</Alert> : null}
      {state && state.typingMemberId === null && !ctx.readOnly ? (
        <WhoAreYou
          team={state.team}
          title={t('sampling.whoTitle')}
          text={t('sampling.whoText')}
          none={t('sampling.whoNone')}
          testId="sampling-who"
          onPick={(memberId) => void invoke('fieldwork:linkMe', { engagementHandle: handle, memberId }).then(() => reload())}
        />
      ) : null}
      {state && !populations.length ? (
        <Paper withBorder p="xl" data-testid="sampling-empty">
          <Stack gap="sm" align="flex-start">
            <Title order={4}>{t('sampling.empty.title')}</Title>
            <Text size="sm">{t('sampling.empty.text')}</Text>
            <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} disabled={!canImport}>
              {t('sampling.importButton')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {populations.length ? (
        <Grid gap="md">
          {/* Sticky: the list stays beside an open sample while its grid and evaluation scroll the page. */}
          <Grid.Col span={{ base: 12, md: 4 }} style={{ position: 'sticky', top: 0, alignSelf: 'flex-start' }}>
            <ScrollArea h="calc(100vh - 220px)" type="auto">
              <PopulationList ctx={ctx} populations={populations} samples={state?.samples ?? []} selection={shown} onSelect={setSelection} />
            </ScrollArea>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {population && state ? (
              <PopulationDetail
                ctx={ctx}
                population={population}
                judgment={state.recordSampling}
                onDrawn={(sampleId) => {
                  void reload().then(() => setSelection({ kind: 'sample', id: sampleId }));
                }}
              />
            ) : sample ? (
              <SampleView sampleId={sample.id} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('sampling.choose')}
              </Text>
            )}
          </Grid.Col>
        </Grid>
      ) : null}
      <ImportWizard
        ctx={ctx}
        opened={importing}
        topic={population?.topic ?? null}
        chooser={chooser}
        onClose={() => setImporting(false)}
        onImported={(populationId) => {
          void reload().then(() => setSelection({ kind: 'population', id: populationId }));
        }}
      />
      {chooser.picker}
    </Stack>
  );
}
