import { Badge, Button, CloseButton, Grid, Group, Kbd, Paper, SegmentedControl, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { haystackOf, filterEvidence } from '../../../../shared/fieldwork/evidence-search.ts';
import { evidenceUses, notebookDocumentTitles } from '../../../../shared/fieldwork/evidence-uses.ts';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay, formatNumber } from '../../components/format.ts';
import { compareNames } from '../../i18n/locale.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { EvidenceEditor, NewEvidenceForm, type QuestionInfo } from './evidence-editor.tsx';
import { EvidenceTabFilesChrome, FileCount, ListDropHint, useEvidenceTabFiles } from './evidence-tab-files.tsx';
import { WindowedList } from './evidence-window.tsx';
import { removeWithUndo, type EvidenceItem } from './records-actions.ts';
import { stableOrder, useFieldworkContext } from './records-context.ts';

const ROW_HEIGHT = 54;
const KIND_COLOURS: Record<EvidenceKind, string> = { document: 'indigo', record: 'teal', interview: 'grape', observation: 'orange', screenshot: 'cyan', photo: 'pink' };

/**
 * Fieldwork → Evidence (Alt+Shift+3): every evidence reference of the engagement in one list
 * (windowed: thousands scroll smoothly), searched by kind and words, each edited beside the list
 * with where it is used: answers citing it, notebook entries marking it, records seen, stage 1's
 * document reviews. N adds one, Ctrl+F or / searches, Delete deletes the selected one (with undo).
 */
export function EvidencePanel() {
  const { t, i18n } = useTranslation();
  const ctx = useFieldworkContext(i18n.language);
  const records = useFieldworkRecords((s) => s.records);
  const loadError = useFieldworkRecords((s) => s.error);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EvidenceKind | 'all'>('all');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const search = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const deferredQuery = useDeferredValue(query);

  const items = records?.evidence_item;
  // By title, held while the engagement is open: a title being typed does not make its row jump, a new reference comes last.
  const sorted = useMemo(() => stableOrder(items ?? [], (a, b) => compareNames(a.title, b.title) || a.id.localeCompare(b.id)), [items]);
  const haystacks = useMemo(() => new Map((items ?? []).map((item) => [item.id, haystackOf(item)])), [items]);
  const shown = useMemo(() => filterEvidence(sorted, kind === 'all' ? null : kind, deferredQuery, haystacks), [sorted, kind, deferredQuery, haystacks]);
  const kindCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const item of items ?? []) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
    return counts;
  }, [items]);

  const questions = useMemo(() => {
    const map = new Map<string, QuestionInfo>();
    for (const clause of ctx.pack?.clauses ?? []) for (const question of clause.questions ?? []) map.set(question.id, { clauseNumber: clause.number, text: ctx.text(question.text) });
    return map;
  }, [ctx.pack, ctx.text]);
  const notebook = useMemo(() => notebookDocumentTitles(records?.notebook_entry ?? []), [records?.notebook_entry]);
  const uses = useMemo(
    () =>
      evidenceUses({
        items: items ?? [],
        answerLinks: records?.answer_evidence ?? [],
        answers: ctx.answers,
        clauseOfQuestion: (id) => questions.get(id)?.clauseNumber ?? null,
        notebook,
        records: records?.record_seen ?? [],
        reviews: records?.document_review ?? [],
      }),
    [items, records?.answer_evidence, ctx.answers, questions, notebook, records?.record_seen, records?.document_review],
  );
  const suggestions = useMemo(() => {
    const locations = new Set<string>();
    const people = new Set<string>((records?.person ?? []).map((person) => person.name));
    for (const item of items ?? []) {
      if (item.location.trim()) locations.add(item.location.trim());
      if (item.shown_by.trim()) people.add(item.shown_by.trim());
    }
    return { locations: [...locations].sort(compareNames), people: [...people].sort(compareNames) };
  }, [items, records?.person]);

  const selectedIndex = shown.findIndex((item) => item.id === selectedId);
  const selected = selectedIndex >= 0 ? shown[selectedIndex] : (items ?? []).find((item) => item.id === selectedId);

  const remove = (item: EvidenceItem) => {
    const count = uses.get(item.id)?.length ?? 0;
    const next = shown[selectedIndex + 1] ?? shown[selectedIndex - 1];
    setSelectedId(next && next.id !== item.id ? next.id : null);
    void removeWithUndo('evidence_item', item.id, count ? t('evidence.edit.deletedUsed', { title: item.title, count }) : t('evidence.edit.deleted', { title: item.title }), t, ctx.setError);
  };
  const startAdding = () => {
    if (ctx.readOnly) return;
    setAdding(true);
  };
  const select = (id: string) => (setAdding(false), setSelectedId(id));
  const files = useEvidenceTabFiles({ handle: ctx.handle, readOnly: ctx.readOnly, selected: adding ? null : (selected ?? null), onSelect: select });
  useGuardedHotkeys([
    ['n', startAdding],
    ['mod+f', () => search.current?.focus()],
    ['/', () => search.current?.focus()],
  ]);

  const error = ctx.error ?? loadError;
  if (!records) return error ? <ErrorNotice error={error} onClose={() => ctx.setError(null)} /> : null;
  const total = items?.length ?? 0;
  const filtered = kind !== 'all' || deferredQuery.trim() !== '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('evidence.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('evidence.intro')}
          </Text>
        </div>
        <Tooltip label={<Kbd size="xs">N</Kbd>}>
          <Button leftSection={<IconPlus size={16} />} onClick={startAdding} disabled={ctx.readOnly} data-testid="evidence-add">
            {t('evidence.add')}
          </Button>
        </Tooltip>
      </Group>
      {error ? <ErrorNotice error={error} onClose={() => ctx.setError(null)} /> : null}
      <EvidenceTabFilesChrome handle={ctx.handle} people={suggestions.people} referenceShown={!adding && Boolean(selected)} />
      <Group gap="sm" align="center" wrap="wrap">
        <TextInput
          ref={search}
          style={{ flex: 1, minWidth: 240, maxWidth: 460 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('evidence.searchPlaceholder')}
          aria-label={t('evidence.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              if (query) setQuery('');
              else e.currentTarget.blur();
            }
            if (e.key === 'ArrowDown' && shown.length) {
              e.preventDefault();
              setSelectedId(shown[0]!.id);
              list.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
            }
          }}
          rightSection={query ? <CloseButton size="sm" aria-label={t('evidence.clearSearch')} onClick={() => setQuery('')} /> : <Kbd size="xs">Ctrl+F</Kbd>}
          rightSectionWidth={query ? undefined : 64}
          data-testid="evidence-search"
        />
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(value) => setKind(value as EvidenceKind | 'all')}
          data={[
            { value: 'all', label: t('evidence.allKinds', { total: formatNumber(total) }) },
            ...EVIDENCE_KINDS.map((value) => ({ value, label: `${t(`evidence.kinds.${value}`)} ${formatNumber(kindCounts.get(value) ?? 0)}` })),
          ]}
          data-testid="evidence-kinds"
        />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }} ref={list} {...files.listDrop.handlers} data-drop-active={files.listDrop.active || undefined}>
          <Group justify="space-between" mb={4}>
            <Text size="xs" c="dimmed" data-testid="evidence-count">
              {filtered ? t('evidence.showing', { shown: formatNumber(shown.length), total: formatNumber(total) }) : t('evidence.count', { count: total, total: formatNumber(total) })}
            </Text>
            {files.listDrop.active ? <ListDropHint /> : null}
          </Group>
          {total === 0 ? (
            <Paper withBorder p="lg" data-testid="evidence-empty">
              <Text size="sm">{t('evidence.empty')}</Text>
            </Paper>
          ) : shown.length === 0 ? (
            <Paper withBorder p="lg" data-testid="evidence-no-match">
              <Text size="sm" mb="xs">
                {t('evidence.noMatch')}
              </Text>
              <Button size="xs" variant="default" onClick={() => (setQuery(''), setKind('all'))}>
                {t('evidence.clearFilters')}
              </Button>
            </Paper>
          ) : (
            <WindowedList
              items={shown}
              rowHeight={ROW_HEIGHT}
              height="calc(100vh - 330px)"
              selectedIndex={selectedIndex}
              onSelect={(index) => (setAdding(false), setSelectedId(shown[index]!.id))}
              onDelete={(index) => !ctx.readOnly && remove(shown[index]!)}
              rowId={(item) => item.id}
              label={t('evidence.listLabel')}
              testId="evidence-list"
              renderRow={(item, _index, isSelected) => <EvidenceRow item={item} selected={isSelected} uses={uses.get(item.id)?.length ?? 0} files={files.fileCounts.get(item.id) ?? 0} />}
            />
          )}
          <Text size="xs" c="dimmed" mt={6}>
            {t('evidence.keys')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {/* The editor scrolls on its own (a reference with files and photo fields is long): the list stays in view beside it. */}
          <Paper withBorder p="md" radius="md" style={{ maxHeight: 'calc(100vh - 250px)', overflowY: 'auto' }} data-testid="evidence-editor-pane">
            {adding ? (
              <NewEvidenceForm
                ctx={ctx}
                kind={kind === 'all' ? 'document' : kind}
                suggestions={suggestions}
                onCreated={(id) => {
                  setAdding(false);
                  setSelectedId(id);
                  setQuery('');
                  setKind('all');
                }}
                onCancel={() => setAdding(false)}
              />
            ) : selected ? (
              <EvidenceEditor key={selected.id} ctx={ctx} item={selected} uses={uses.get(selected.id) ?? []} questions={questions} suggestions={suggestions} onDelete={() => remove(selected)} onSelectReference={select} />
            ) : (
              <Text size="sm" c="dimmed" data-testid="evidence-none-selected">
                {total ? t('evidence.chooseOne') : t('evidence.addFirst')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function EvidenceRow({ item, selected, uses, files }: { item: EvidenceItem; selected: boolean; uses: number; files: number }) {
  const { t } = useTranslation();
  const details = [item.evidence_date ? formatDay(item.evidence_date) : '', item.location, item.shown_by].filter(Boolean).join(' · ');
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      px="sm"
      h="100%"
      data-testid="evidence-row"
      data-title={item.title}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: selected ? 'var(--mantine-color-indigo-0)' : undefined,
        boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-indigo-5)' : undefined,
      }}
    >
      <Badge size="xs" variant="light" color={KIND_COLOURS[item.kind]} w={88} style={{ flexShrink: 0 }}>
        {t(`evidence.kinds.${item.kind}`)}
      </Badge>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} truncate="end" translate="no">
          {item.title}
          {item.version ? (
            <Text span size="xs" c="dimmed" ml={6}>
              {item.version}
            </Text>
          ) : null}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" translate="no">
          {details || '\u00a0'}
        </Text>
      </div>
      <FileCount count={files} />
      <Text size="xs" c={uses ? 'indigo.7' : 'dimmed'} style={{ flexShrink: 0 }} data-testid="evidence-uses-count">
        {uses ? t('evidence.usedTimes', { count: uses }) : t('evidence.unused')}
      </Text>
    </Group>
  );
}
