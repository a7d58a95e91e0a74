import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementChecklistView, LibraryPackView } from '../../../../shared/contract/pack-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { ChecklistBrowser } from '../checklists/ChecklistBrowser.tsx';

/** The engagement's own checklist: choose a pack from the library once, then read it here. */
export function ChecklistSection() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const [checklist, setChecklist] = useState<EngagementChecklistView | null | undefined>(undefined);
  const [packs, setPacks] = useState<readonly LibraryPackView[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    invoke('engagement:checklist', { engagementHandle: current.handle }).then(setChecklist, setError);
    invoke('packs:list', {}).then((library) => {
      setPacks(library.packs);
      setChoice((before) => before ?? library.packs[0]?.key ?? null);
    }, setError);
  }, [current.handle]);
  useEffect(load, [load]);

  async function use(key: string) {
    setBusy(true);
    try {
      await invoke('engagement:choosePack', { engagementHandle: current.handle, key });
      // The engagement row names its pack: the sections that read it (plan, fieldwork) follow.
      const summary = await invoke('engagement:summary', { engagementHandle: current.handle });
      if (summary.engagement) useAppStore.getState().updateCurrent({ engagement: summary.engagement });
      setChanging(false);
      load();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const options = packs.map((pack) => ({ value: pack.key, label: `${pack.title} — ${pack.version}` }));
  const picker = (
    <Group align="flex-end">
      <Select
        label={t('checklists.engagement.pick')}
        data={options}
        value={choice}
        onChange={setChoice}
        allowDeselect={false}
        w={520}
        data-testid="engagement-pack-select"
      />
      <Button onClick={() => choice && void use(choice)} disabled={!choice || current.readOnly} loading={busy} data-testid="engagement-pack-use">
        {t('checklists.engagement.choose')}
      </Button>
    </Group>
  );

  if (checklist === undefined) return error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null;

  if (checklist === null) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="checklist-empty">
        <Stack align="center" gap="sm">
          <IconChecklist size={44} color="var(--mantine-color-indigo-4)" />
          <Title order={4}>{t('checklists.engagement.emptyTitle')}</Title>
          <Text size="sm" c="dimmed" ta="center" maw={620}>
            {t('checklists.engagement.emptyText')}
          </Text>
          {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
          {current.readOnly ? <Text c="orange.8">{t('checklists.engagement.readOnly')}</Text> : picker}
        </Stack>
      </Paper>
    );
  }

  const { info, pack } = checklist;
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Text fw={600} data-testid="engagement-pack-title" translate="no">
                {info.title}
              </Text>
              <Badge variant="light">{info.version}</Badge>
            </Group>
            <Text size="xs" c="dimmed">
              <span translate="no">{pack.standard.criteria}</span> · {t('checklists.engagement.copiedOn', { date: formatInstant(info.addedAt) })}
            </Text>
          </div>
          {!current.readOnly ? (
            <Button variant="subtle" size="xs" onClick={() => setChanging(true)}>
              {t('checklists.engagement.change')}
            </Button>
          ) : null}
        </Group>
        {info.newerInLibrary && !current.readOnly ? (
          <Alert mt="xs" variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            <Group justify="space-between">
              <Text size="sm">{t('checklists.engagement.newer', { version: info.newerInLibrary, current: info.version })}</Text>
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} loading={busy} onClick={() => void use(`${info.packId}@${info.newerInLibrary}`)}>
                {t('checklists.engagement.switchTo', { version: info.newerInLibrary })}
              </Button>
            </Group>
          </Alert>
        ) : null}
      </Paper>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <ChecklistBrowser pack={pack} height="calc(100vh - 250px)" />
      <Modal opened={changing} onClose={() => setChanging(false)} title={t('checklists.engagement.changeTitle')} size="lg">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('checklists.engagement.changeWarning')}
          </Text>
          {picker}
        </Stack>
      </Modal>
    </Stack>
  );
}
