import { Alert, Box, CloseButton, Grid, Kbd, NavLink, Paper, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { isComposing, useGuardedHotkeys } from '../../state/composition.ts';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconListSearch, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PackIndex } from '../../../../shared/checklist/pack-index.ts';
import { packSearch } from '../../../../shared/checklist/pack-search.ts';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { ClauseDetail } from './ClauseDetail.tsx';
import { ClauseTree, LensTree } from './ChecklistNavigation.tsx';
import { usePackText } from './use-pack-text.ts';

const BY_CLAUSE = 'clauses';

/**
 * Reads a pack: by clause or through an edition lens on the left, the clause (or lens item) on the
 * right; a search over every question, guidance, evidence and sampling text replaces the left side
 * with its matches. Ctrl+F searches, Escape clears.
 */
export function ChecklistBrowser({ pack, height }: { pack: ChecklistPack; height: string }) {
  const { t, i18n } = useTranslation();
  const text = usePackText(pack);
  const index = useMemo(() => new PackIndex(pack), [pack]);
  const search = useMemo(() => packSearch(index, i18n.resolvedLanguage ?? 'en'), [index, i18n.resolvedLanguage]);
  const [view, setView] = useState<string>(BY_CLAUSE);
  const [clauseId, setClauseId] = useState<string | null>(pack.clauses[0]?.id ?? null);
  const [lensItemId, setLensItemId] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  // What is searched: the query as typed, except while an input method composes (no search on pinyin).
  const [searched, setSearched] = useState('');
  const [debounced] = useDebouncedValue(searched, 120);
  const type = (value: string, composing: boolean): void => {
    setQuery(value);
    if (!composing) setSearched(value);
  };
  const hits = useMemo(() => search(debounced), [search, debounced]);
  const searchBox = useRef<HTMLInputElement>(null);
  useGuardedHotkeys([['mod+F', () => searchBox.current?.focus()]], []);

  const lens = (pack.lenses ?? []).find((l) => l.id === view) ?? null;
  const lensItem = lens?.groups.flatMap((g) => g.items.map((item) => ({ group: g, item }))).find((x) => x.item.id === lensItemId) ?? null;

  const selectClause = (id: string, target: string | null = null) => {
    setClauseId(id);
    setHighlight(target);
    setLensItemId(null);
  };

  const viewOptions = [
    { value: BY_CLAUSE, label: t('checklists.browser.byClause') },
    ...(pack.lenses ?? []).map((l) => ({ value: l.id, label: text(l.title) })),
  ];

  const searching = debounced.trim() !== '';
  const left = searching ? (
    <Stack gap={4} data-testid="search-results">
      <Text size="xs" c="dimmed" px="sm">
        {t('checklists.browser.results', { count: hits.length })}
      </Text>
      {hits.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" data-testid="search-empty">
          {t('checklists.browser.noResults', { query: debounced.trim() })}
        </Text>
      ) : null}
      {hits.slice(0, 300).map((hit) => {
        const clause = index.clauseById.get(hit.clauseId);
        const label =
          hit.kind === 'question'
            ? text(clause?.questions?.find((q) => q.id === hit.id)?.text)
            : text(clause?.sampling?.find((s) => s.id === hit.id)?.record);
        return (
          <NavLink
            key={hit.id}
            active={highlight === hit.id}
            onClick={() => selectClause(hit.clauseId, hit.id)}
            label={
              <Text size="sm" lineClamp={3}>
                {label}
              </Text>
            }
            description={`${clause?.number ?? ''} ${text(clause?.title)}${hit.kind === 'sampling' ? ` · ${t('checklists.browser.sampling')}` : ''}`}
            leftSection={hit.kind === 'sampling' ? <IconListSearch size={16} /> : null}
            data-testid={`hit-${hit.id}`}
            py={6}
          />
        );
      })}
    </Stack>
  ) : lens ? (
    <LensTree lens={lens} selected={lensItemId} onSelect={setLensItemId} text={text} />
  ) : (
    <ClauseTree index={index} selected={clauseId} onSelect={(id) => selectClause(id)} text={text} />
  );

  const right =
    lens && lensItem && !searching ? (
      <Stack gap="lg" data-testid="lens-item-detail">
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
          <Text size="sm" fw={600}>
            <span translate="no">{text(lens.title)}</span> · {lensItem.group.number ? `${lensItem.group.number} ` : ''}
            <span translate="no">{text(lensItem.group.title)}</span> · {lensItem.item.number} <span translate="no">{text(lensItem.item.title)}</span>
          </Text>
          {lensItem.item.note ? <Text size="sm"><span translate="no">{text(lensItem.item.note)}</span></Text> : null}
          <Text size="xs" c="dimmed" mt={4}>
            {t('checklists.browser.lensNote', { criteria: pack.standard.criteria })}
          </Text>
        </Alert>
        {lensItem.item.clauses
          .flatMap((id) => index.subtree(id))
          .filter((clause) => (clause.questions?.length ?? 0) > 0 || (clause.sampling?.length ?? 0) > 0)
          .map((clause) => (
            <Paper key={clause.id} withBorder radius="md" p="md" bg="gray.0">
              <ClauseDetail index={index} clauseId={clause.id} text={text} highlight={null} onSelect={(id) => selectClause(id)} />
            </Paper>
          ))}
      </Stack>
    ) : lens && !searching ? (
      <Stack align="center" py="xl" gap="xs">
        <Text c="dimmed"><span translate="no">{text(lens.description)}</span></Text>
        <Text size="sm" c="dimmed">
          {t('checklists.browser.selectClause')}
        </Text>
      </Stack>
    ) : clauseId ? (
      <ClauseDetail index={index} clauseId={clauseId} text={text} highlight={highlight} onSelect={(id) => selectClause(id)} />
    ) : (
      <Text c="dimmed">{t('checklists.browser.selectClause')}</Text>
    );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4, lg: 3.6 }}>
        <Paper withBorder radius="md" p="xs">
          <Stack gap="xs">
            <TextInput
              ref={searchBox}
              value={query}
              onChange={(e) => type(e.currentTarget.value, isComposing(e.nativeEvent))}
              onCompositionEnd={(e) => type(e.currentTarget.value, false)}
              onKeyDown={(e) => {
                if (isComposing(e.nativeEvent)) return;
                if (e.key === 'Escape') type('', false);
                // Arrow keys walk the matches without leaving the search box.
                if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && hits.length) {
                  e.preventDefault();
                  const at = hits.findIndex((hit) => hit.id === highlight);
                  const next = e.key === 'ArrowDown' ? Math.min(hits.length - 1, at + 1) : Math.max(0, at - 1);
                  selectClause(hits[next]!.clauseId, hits[next]!.id);
                }
              }}
              placeholder={t('checklists.browser.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              rightSection={query ? <CloseButton size="sm" aria-label={t('checklists.browser.clearSearch')} onClick={() => type('', false)} /> : <Kbd size="xs">Ctrl+F</Kbd>}
              rightSectionWidth={query ? 32 : 58}
              aria-label={t('checklists.browser.searchPlaceholder')}
              data-testid="checklist-search"
            />
            <Select
              data={viewOptions}
              value={view}
              onChange={(value) => {
                setView(value ?? BY_CLAUSE);
                setLensItemId(null);
              }}
              allowDeselect={false}
              comboboxProps={{ width: 420, position: 'bottom-start' }}
              aria-label={t('checklists.browser.byClause')}
              data-testid="checklist-view"
            />
            <ScrollArea h={`calc(${height} - 96px)`} type="auto" offsetScrollbars>
              {left}
            </ScrollArea>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 8.4 }}>
        <ScrollArea h={height} type="auto" offsetScrollbars>
          <Box pr="xs">{right}</Box>
        </ScrollArea>
      </Grid.Col>
    </Grid>
  );
}
