import { Alert, Badge, Divider, Grid, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planOfAttributes, samplingAttributeIndex, samplingPlansFor } from '../../../../shared/fieldwork/record-sampling.ts';
import { auditDayOf } from '../../../../shared/time.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import type { RecordAttribute } from './records-actions.ts';
import { sessionForTopic, useFieldworkContext, type FieldworkContext } from './records-context.ts';
import type { GridColumn } from './records-grid.tsx';
import { RecordDrawer } from './records-record-drawer.tsx';
import { TopicRecords, type TopicData } from './records-topic.tsx';
import { TrailsView } from './trail-panel.tsx';
import { WhoAreYou as WhoAreYouCard } from './WhoAreYou.tsx';

const TRAILS = '\u0000trails';
/** The view last shown (a topic or the trails), kept while the engagement stays open: coming back to the tab finds it again. */
let lastView: { handle: string; view: string } | null = null;

/**
 * Fieldwork → Records seen (Alt+Shift+2): per process and clause group, what the auditee ran on
 * their screen and the records chosen from it, tested attribute by attribute; and the audit trails
 * followed across processes. [ and ] go through the processes, Q records a new query, T shows the trails.
 */
export function RecordsPanel() {
  const { t, i18n } = useTranslation();
  const ctx = useFieldworkContext(i18n.language);
  const timeZone = useAppStore((s) => s.current?.engagement?.time_zone ?? 'UTC');
  const records = useFieldworkRecords((s) => s.records);
  const loadError = useFieldworkRecords((s) => s.error);
  const create = useFieldworkRecords((s) => s.create);
  const [view, setView] = useState<string | null>(() => (lastView?.handle === ctx.handle ? lastView.view : null));
  const [drawer, setDrawer] = useState<{ recordId: string; attribute: string | null; columns: GridColumn[] } | null>(null);

  const attributeIndex = useMemo(() => (ctx.pack ? samplingAttributeIndex(ctx.pack) : new Map()), [ctx.pack]);
  const cells = useMemo(() => {
    const index = new Map<string, Map<string, RecordAttribute>>();
    for (const row of records?.record_attribute ?? []) {
      let byAttribute = index.get(row.record_id);
      if (!byAttribute) index.set(row.record_id, (byAttribute = new Map()));
      byAttribute.set(row.attribute, row);
    }
    return index;
  }, [records?.record_attribute]);
  const counts = useMemo(() => {
    const byTopic = new Map<string, { records: number; deviations: number }>();
    for (const record of records?.record_seen ?? []) {
      const count = byTopic.get(record.topic) ?? { records: 0, deviations: 0 };
      count.records++;
      if (record.result === 'fail') count.deviations++;
      byTopic.set(record.topic, count);
    }
    return byTopic;
  }, [records?.record_seen]);

  const units = ctx.units;
  const firstWithRecords = units.find((unit) => counts.has(unit.key))?.key;
  const shown = view ?? firstWithRecords ?? units.find((unit) => unit.kind === 'process')?.key ?? TRAILS;
  const show = (next: string) => {
    lastView = { handle: ctx.handle, view: next };
    setView(next);
  };
  const topicData = (topic: string): TopicData => ({
    plans: ctx.pack ? samplingPlansFor(ctx.pack, topic) : [],
    attributeText: (id) => {
      const found = attributeIndex.get(id);
      return found ? ctx.text(found.plan.attributes[found.index]!.text) : '';
    },
    cells,
  });

  const goUnit = (by: number) => {
    if (!units.length) return;
    const at = units.findIndex((unit) => unit.key === shown);
    const next = at < 0 ? (by > 0 ? 0 : units.length - 1) : Math.min(Math.max(at + by, 0), units.length - 1);
    show(units[next]!.key);
  };
  async function newQuery() {
    if (shown === TRAILS || ctx.readOnly || !ctx.typing?.memberId) return;
    // Today as the engagement's time zone counts it, like the checklist's and the notebook's defaults.
    const session = sessionForTopic(ctx.plan, shown, auditDayOf(Date.now(), timeZone));
    try {
      await create('record_query', { topic: shown, team_member_id: ctx.typing.memberId, session_id: session?.id ?? null, site_id: session?.site_id ?? null });
      // The new query's first field, ready for what the auditee ran.
      requestAnimationFrame(() => {
        const fields = document.querySelectorAll<HTMLTextAreaElement>('[data-testid="query-card"] textarea[data-testid="query-text"]');
        fields[fields.length - 1]?.focus();
      });
    } catch (error) {
      ctx.setError(error);
    }
  }
  useGuardedHotkeys([
    [']', () => goUnit(1)],
    ['[', () => goUnit(-1)],
    ['q', () => void newQuery()],
    ['t', () => show(TRAILS)],
  ]);

  const openRecord = (recordId: string) => {
    const record = records?.record_seen.find((row) => row.id === recordId);
    if (!record) return;
    const plans = ctx.pack ? samplingPlansFor(ctx.pack, record.topic) : [];
    const planId = planOfAttributes(cells.get(recordId)?.keys() ?? [], plans) ?? plans[0]?.plan.id;
    const plan = plans.find((item) => item.plan.id === planId)?.plan;
    setDrawer({ recordId, attribute: null, columns: (plan?.attributes ?? []).map((attribute) => ({ id: attribute.id, text: ctx.text(attribute.text) })) });
  };

  const error = ctx.error ?? loadError;
  if (ctx.pack === undefined || !records) return error ? <ErrorNotice error={error} onClose={() => ctx.setError(null)} /> : null;
  const trailCount = records.audit_trail.length;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('records.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('records.intro')}
        </Text>
      </div>
      {error ? <ErrorNotice error={error} onClose={() => ctx.setError(null)} /> : null}
      {!ctx.pack ? <Alert color="yellow">{t('records.noPack')}</Alert> : null}
      <WhoAreYou ctx={ctx} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }} style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 8px)', alignSelf: 'flex-start' }}>
          <ScrollArea h="calc(100vh - 250px)" type="auto">
            <NavLink
              active={shown === TRAILS}
              onClick={() => show(TRAILS)}
              leftSection={<IconRoute size={16} />}
              label={t('records.trails.title')}
              rightSection={
                <Text size="xs" c="dimmed">
                  {trailCount}
                </Text>
              }
              data-testid="records-trails"
            />
            <Divider my={6} />
            {units.map((unit) => {
              const count = counts.get(unit.key);
              return (
                <NavLink
                  key={unit.key}
                  active={unit.key === shown}
                  onClick={() => show(unit.key)}
                  label={<span translate="no">{ctx.topicName(unit.key)}</span>}
                  rightSection={
                    count ? (
                      <Group gap={4} wrap="nowrap">
                        {count.deviations ? (
                          <Badge size="xs" color="red" variant="filled" aria-label={t('records.nav.deviations', { count: count.deviations })}>
                            {count.deviations}
                          </Badge>
                        ) : null}
                        <Text size="xs" c="dimmed" aria-label={t('records.nav.records', { count: count.records })}>
                          {count.records}
                        </Text>
                      </Group>
                    ) : null
                  }
                  data-testid="records-topic"
                  data-topic={unit.key}
                />
              );
            })}
          </ScrollArea>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {shown === TRAILS ? (
            <TrailsView ctx={ctx} onOpenRecord={openRecord} />
          ) : (
            <TopicRecords
              key={shown}
              ctx={ctx}
              topic={shown}
              data={topicData(shown)}
              onOpen={(recordId, attribute, columns) => setDrawer({ recordId, attribute, columns })}
              onNewQuery={() => void newQuery()}
            />
          )}
          <Text size="xs" c="dimmed" mt="md">
            {t('records.keys')}
          </Text>
        </Grid.Col>
      </Grid>
      <RecordDrawer ctx={ctx} recordId={drawer?.recordId ?? null} focusAttribute={drawer?.attribute ?? null} columns={drawer?.columns ?? []} onClose={() => setDrawer(null)} />
    </Stack>
  );
}

/** Queries are recorded by a team member: asked once, like the checklist asks (the same link). */
function WhoAreYou({ ctx }: { ctx: FieldworkContext }) {
  const { t } = useTranslation();
  if (!ctx.typing || ctx.typing.source !== 'none' || ctx.readOnly || !ctx.pack) return null;
  return (
    <WhoAreYouCard
      team={ctx.plan?.team ?? []}
      title={t('records.who.title')}
      text={t('records.who.text')}
      none={t('records.who.none')}
      testId="records-who"
      onPick={(memberId) => void ctx.linkMe(memberId)}
    />
  );
}
