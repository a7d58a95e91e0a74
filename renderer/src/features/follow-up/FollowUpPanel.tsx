import { notifications } from '@mantine/notifications';
import { Alert, Button, Grid, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaFields } from '../../../../shared/findings/corrective-action.ts';
import type { CaState } from '../../../../shared/findings/finding-kinds.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay } from '../../components/format.ts';
import { UNDO_MS } from '../../components/undo.tsx';
import { useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { WhoAreYou } from '../fieldwork/WhoAreYou.tsx';
import { EarlierNcs } from './EarlierNcs.tsx';
import { filterItems, type FollowUpFilter } from './labels.ts';
import { NcDetail } from './NcDetail.tsx';
import { NcList } from './NcList.tsx';
import { useFollowUp } from './use-follow-up.ts';

const FILTERS: readonly FollowUpFilter[] = ['all', 'open', 'overdue', 'closed'];
/** The undo toast on screen (one at a time). */
let undoToast = '';

/**
 * The Findings section's Follow-up tab: this audit's nonconformities with their corrective actions
 * (list with state, next step and due dates, overdue in red; an Overdue view), the selected one's
 * response, decision, implementation, verification and close with its history; then the earlier
 * nonconformities verified at this audit. J/K move through the list, O shows the overdue ones,
 * Ctrl+Enter takes the selected one's next step; each step can be undone from its toast.
 */
export function FollowUpPanel() {
  const current = useAppStore((s) => s.current);
  if (!current) return null;
  return <FollowUp handle={current.handle} readOnly={current.readOnly} />;
}

function FollowUp({ handle, readOnly }: { handle: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const { view, error, setError, reload, move, linkMe } = useFollowUp(handle);
  const [filter, setFilter] = useState<FollowUpFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);

  const shown = useMemo(() => (view ? filterItems(view.items, filter) : []), [view, filter]);
  const counts = useMemo(() => Object.fromEntries(FILTERS.map((name) => [name, view ? filterItems(view.items, name).length : 0])) as Record<FollowUpFilter, number>, [view]);
  const item = view?.items.find((candidate) => candidate.findingId === selected) ?? shown[0] ?? null;

  const step = (delta: number) => {
    if (!shown.length) return;
    const at = shown.findIndex((candidate) => candidate.findingId === item?.findingId);
    const next = shown[Math.min(shown.length - 1, Math.max(0, at + delta))];
    if (next) setSelected(next.findingId);
  };
  useGuardedHotkeys([
    ['j', () => step(1)],
    ['k', () => step(-1)],
    ['o', () => setFilter((before) => (before === 'overdue' ? 'all' : 'overdue'))],
  ]);

  if (!view) {
    return error ? <ErrorNotice error={error} /> : <Loader size="sm" />;
  }
  const blocked = view.typing.source === 'none' && !readOnly;

  const onMove = async (to: CaState, options: { fields?: CaFields; reason?: string; undo?: boolean } = {}) => {
    if (!item) return false;
    const from = item.state;
    const { label, findingId } = item;
    const done = await move(findingId, to, options);
    if (done && !options.undo) {
      // One toast at a time: only the last step can be undone, so an older toast would offer nothing.
      if (undoToast) notifications.hide(undoToast);
      const id = `follow-up-undo-${Date.now()}`;
      undoToast = id;
      notifications.show({
        id,
        autoClose: UNDO_MS,
        withCloseButton: true,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('followUp.move.done', { label, state: t(`followUp.state.${to}`) })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={() => {
                notifications.hide(id);
                void move(findingId, from, { undo: true });
              }}
            >
              {t('undo.button')}
            </Button>
          </Group>
        ),
      });
    }
    return done;
  };

  return (
    <Stack gap="md" data-testid="follow-up">
      <Group justify="space-between" align="flex-start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Title order={3}>{t('followUp.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('followUp.intro')}
          </Text>
        </div>
        <Stack gap={2} align="flex-end">
          <Text size="xs" c="dimmed" data-testid="follow-up-today">
            {t('followUp.today', { day: formatDay(view.today) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('followUp.shortcuts')}
          </Text>
        </Stack>
      </Group>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {blocked ? (
        <WhoAreYou team={view.team} title={t('followUp.who.title')} text={t('followUp.who.text')} none={t('followUp.who.none')} testId="who-are-you" onPick={(memberId) => void linkMe(memberId)} />
      ) : null}
      {!view.fromProfile && view.items.length ? (
        <Alert color="gray" variant="light" py="xs">
          {t('followUp.noProfileDays')}
        </Alert>
      ) : null}

      {!view.items.length ? (
        <Paper withBorder p="lg" data-testid="follow-up-empty">
          <Title order={5}>{t('followUp.empty.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('followUp.empty.text')}
          </Text>
        </Paper>
      ) : (
        <>
          <SegmentedControl
            value={filter}
            onChange={(value) => setFilter(value as FollowUpFilter)}
            aria-label={t('followUp.filter.label')}
            data={FILTERS.map((name) => ({ value: name, label: t(`followUp.filter.${name}`, { count: counts[name] }) }))}
            color={filter === 'overdue' ? 'red' : undefined}
            style={{ alignSelf: 'flex-start' }}
            data-testid="follow-up-filter"
          />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              {shown.length ? (
                // The list stays in view while the detail scrolls.
                <div style={{ position: 'sticky', top: 'var(--mantine-spacing-md)' }}>
                  <NcList items={shown} selected={item?.findingId ?? null} onSelect={setSelected} />
                </div>
              ) : (
                <Text size="sm" c="dimmed" data-testid="follow-up-filtered-empty">
                  {filter === 'overdue' ? t('followUp.empty.overdue') : t('followUp.empty.filtered')}
                </Text>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {item ? (
                <Paper withBorder p="md">
                  <NcDetail key={`${item.findingId}:${item.state}:${item.history.length}`} item={item} view={view} handle={handle} readOnly={readOnly || blocked} onMove={onMove} />
                </Paper>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('followUp.empty.pick')}
                </Text>
              )}
            </Grid.Col>
          </Grid>
        </>
      )}

      <EarlierNcs view={view} handle={handle} readOnly={readOnly} reload={reload} />
    </Stack>
  );
}
