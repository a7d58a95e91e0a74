import { Badge, Button, CloseButton, Grid, Group, Kbd, MultiSelect, Paper, Select, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconSearch } from '@tabler/icons-react';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { FindingView } from '../../../../shared/contract/finding-views.ts';
import { AREA_OF_CONCERN } from '../../../../shared/findings/finding-kinds.ts';
import { FINDING_GROUPINGS, FINDING_SORTS, findingList, NO_FILTER, searchText, type FindingFilter, type FindingGrouping, type FindingSort } from '../../../../shared/findings/finding-list.ts';
import { gradeNature, type GradingPrompt } from '../../../../shared/findings/grading-prompts.ts';
import { compareClauses } from '../../../../shared/findings/numbering-order.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay, formatNumber } from '../../components/format.ts';
import { compareNames } from '../../i18n/locale.ts';
import { useAppStore } from '../../state/app-store.ts';
import { isComposing, useGuardedHotkeys } from '../../state/composition.ts';
import { raiseFinding, useFindings } from '../../state/findings.ts';
import { findingChecks, gradeName, NATURE_COLOURS } from './finding-checks.ts';
import { FindingEditor } from './FindingEditor.tsx';
import { FindingsWindow, type WindowRow } from './findings-window.tsx';
import { NumberFindingsButton } from './number-findings.tsx';
import { useFindingsData } from './use-findings-data.ts';
import { invoke } from '../../contract/client.ts';
import { WhoAreYou } from '../fieldwork/WhoAreYou.tsx';

const ROW_HEIGHT = 78;
const NO_PROMPTS: readonly GradingPrompt[] = [];
const GROUP_HEIGHT = 34;

/** The search text of each finding version, computed once (the list filters on every keystroke). */
const haystacks = new WeakMap<object, string>();
const haystackOf = (finding: FindingView): string => {
  let text = haystacks.get(finding);
  if (text === undefined) haystacks.set(finding, (text = searchText(finding)));
  return text;
};

/**
 * Findings → Findings (Alt+Shift+1 in the Findings section): every finding of the engagement in one
 * windowed list — filtered, sorted and grouped by one pure function (shared/findings/finding-list.ts)
 * — and the selected one in the editor beside it. N raises a finding on its own, Ctrl+F or / searches,
 * ↑↓ move, Delete deletes (with undo). The lead numbers the findings from here.
 */
export function FindingsPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const readOnly = Boolean(current.readOnly);
  const { context, error: loadError, setError: setLoadError } = useFindingsData(handle, current.engagement?.checklist_pack_id ?? null);
  const view = useFindings((s) => s.view);
  const storeError = useFindings((s) => s.error);
  const setStoreError = useFindings((s) => s.setError);
  const selectedId = useFindings((s) => s.selectedId);
  const select = useFindings((s) => s.select);
  const removeFinding = useFindings((s) => s.removeFinding);
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [sort, setSort] = useState<FindingSort>('number');
  const [group, setGroup] = useState<FindingGrouping>('grade');
  const [raising, setRaising] = useState(false);
  const search = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const deferredFilter = useDeferredValue(filter);

  const isLead = Boolean(view && view.typingMemberId !== null && view.typingMemberId === view.leadMemberId);
  const answers = context?.answers;
  const checks = useMemo(() => (view ? findingChecks(view, (id) => answers?.get(id)?.result, isLead) : null), [view, answers, isLead]);
  const gradeOrder = useMemo(() => {
    const order = new Map((view?.grades ?? []).map((grade) => [grade.key, grade.order]));
    order.set(AREA_OF_CONCERN, 0);
    return order;
  }, [view?.grades]);
  const groups = useMemo(
    () => (view && checks ? findingList(view.findings, { filter: deferredFilter, sort, group, gradeOrder, openWarnings: checks.open, haystack: haystackOf }) : []),
    [view, checks, deferredFilter, sort, group, gradeOrder],
  );

  const team = context?.plan.team ?? [];
  const sites = context?.plan.sites ?? [];
  const pack = context?.pack ?? null;
  const siteName = (id: string) => sites.find((site) => site.id === id)?.name ?? t('findings.list.siteGone');
  const processName = (key: string) => topicLabel('process', key, pack, language);
  const clauseName = (clause: string) => {
    const found = pack?.clauses.find((candidate) => candidate.number === clause);
    return found ? `${clause} ${textIn(found.title, language, pack!.defaultLanguage)}` : clause;
  };
  const gradeLabel = (key: string) => (key === AREA_OF_CONCERN ? t('findings.grade.areaOfConcern') : (gradeName(view?.grades ?? [], key, language) ?? t('findings.grade.unknown', { grade: key })));
  /** A grade named by the CB profile is the profile's data (not the interface's words). */
  const gradeFromProfile = (key: string) => (view?.grades ?? []).some((grade) => grade.key === key);
  const groupLabel = (key: string): string => {
    if (group === 'grade') return gradeLabel(key);
    if (group === 'process') return key ? processName(key) : t('findings.list.noProcess');
    if (group === 'clause') return key ? clauseName(key) : t('findings.list.noClause');
    if (group === 'site') return key ? siteName(key) : t('findings.list.noSite');
    return '';
  };
  const rows = useMemo(() => {
    const out: WindowRow<FindingView>[] = [];
    for (const entry of groups) {
      if (group !== 'none') out.push({ kind: 'group', key: `group:${entry.key}`, label: <GroupHeading label={groupLabel(entry.key)} count={entry.findings.length} data={group !== 'grade' || gradeFromProfile(entry.key)} />, count: entry.findings.length });
      for (const finding of entry.findings) out.push({ kind: 'finding', key: finding.id, finding });
    }
    return out;
    // groupLabel reads the pack, sites and language: all behind `groups` or listed here.
  }, [groups, group, pack, sites, language, view?.grades]);
  const shown = useMemo(() => groups.flatMap((entry) => entry.findings), [groups]);

  const memberName = (id: string) => team.find((member) => member.id === id)?.name ?? '';
  // Filter choices: only what the findings use (a filter that shows nothing is noise). Computed when the
  // findings change, not on each keystroke of the search.
  const choices = useMemo(() => {
    if (!view) return null;
    const gradeChoices = [...new Set(view.findings.map((finding) => finding.grade))]
      .sort((a, b) => (gradeOrder.get(a) ?? 1e6) - (gradeOrder.get(b) ?? 1e6))
      .map((key) => ({ value: key, label: gradeLabel(key) }));
    const usedClauses = new Set<string>();
    for (const finding of view.findings) for (const link of finding.clauses) for (let parts = link.target.split('.'); parts.length; parts.pop()) usedClauses.add(parts.join('.'));
    const clauseChoices = [...usedClauses].sort(compareClauses).map((clause) => ({ value: clause, label: clauseName(clause) }));
    const processChoices = [...new Set(view.findings.map((finding) => finding.process).filter(Boolean))].map((key) => ({ value: key, label: processName(key) }));
    const siteChoices = sites.filter((site) => view.findings.some((finding) => finding.sites.some((link) => link.target === site.id))).map((site) => ({ value: site.id, label: site.name }));
    const memberChoices = [...new Set(view.findings.map((finding) => finding.raisedBy))]
      .map((id) => ({ value: id, label: memberName(id) || view.findings.find((finding) => finding.raisedBy === id)!.raisedByName }))
      .sort((a, b) => compareNames(a.label, b.label));
    return { gradeChoices, clauseChoices, processChoices, siteChoices, memberChoices };
    // The labels read the pack, sites, team and language (all listed).
  }, [view, gradeOrder, pack, sites, team, language, t]);
  // The editor re-renders only when its finding or what it reads changes (not on each keystroke of the search).
  const selectedNow = useRef<FindingView | null>(null);
  const removeNow = useRef<(finding: FindingView) => void>(() => {});
  const deleteSelected = useCallback(() => selectedNow.current && removeNow.current(selectedNow.current), []);

  const raise = async () => {
    if (readOnly || raising || !useFindings.getState().view?.typingMemberId) return;
    setRaising(true);
    try {
      await raiseFinding(handle, { kind: 'none' });
      setFilter(NO_FILTER);
    } catch (failure) {
      setStoreError(failure);
    } finally {
      setRaising(false);
    }
  };
  const remove = (finding: FindingView) => {
    const at = shown.findIndex((candidate) => candidate.id === finding.id);
    const next = shown[at + 1] ?? shown[at - 1];
    void removeFinding(finding.id, t('findings.editor.deleted', { label: finding.label }), t, next && next.id !== finding.id ? next.id : null);
  };
  removeNow.current = remove;
  // Esc in a field of the tab goes back to the list's keys (and the section keys: Alt+7, Alt+8…).
  const root = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const leave = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || isComposing(event) || document.querySelector('[role="dialog"]')) return;
      const active = document.activeElement;
      if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && root.current?.contains(active)) active.blur();
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, []);
  useGuardedHotkeys([
    ['n', () => void raise()],
    ['mod+f', () => search.current?.focus()],
    ['/', () => search.current?.focus()],
  ]);

  const error = loadError ?? storeError;
  const clearError = () => (setLoadError(null), setStoreError(null));
  if (!view || !context || !checks) return error ? <ErrorNotice error={error} onClose={clearError} /> : null;

  const total = view.findings.length;
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const selected = view.findings.find((finding) => finding.id === selectedId) ?? null;
  selectedNow.current = selected;
  const { gradeChoices, clauseChoices, processChoices, siteChoices, memberChoices } = choices!;
  const openTotal = [...checks.open.values()].filter((count) => count > 0).length;
  
  const patch = (change: Partial<FindingFilter>) => setFilter((before) => ({ ...before, ...change }));

  return (
    <Stack gap="md" ref={root} data-testid="findings-panel">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={2}>{t('findings.title')}</Title>
          <Text size="sm" c="dimmed">
            {view.stage1 ? t('findings.introStage1') : t('findings.intro')}
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <NumberFindingsButton view={view} isLead={isLead} readOnly={readOnly} leadName={view.leadMemberId ? memberName(view.leadMemberId) : ''} />
          <Tooltip label={<Kbd size="xs">N</Kbd>}>
            <Button leftSection={<IconPlus size={16} />} onClick={() => void raise()} loading={raising} disabled={readOnly || !view.typingMemberId} data-testid="finding-raise">
              {t('findings.raise')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
      {error ? <ErrorNotice error={error} onClose={clearError} /> : null}
      {view.typingMemberId === null && !readOnly ? (
        <WhoAreYou
          team={team}
          title={t('findings.whoTitle')}
          text={t('findings.whoText')}
          none={t('findings.whoNone')}
          testId="findings-who"
          onPick={(memberId) =>
            void invoke('fieldwork:linkMe', { engagementHandle: handle, memberId }).then(
              () => useFindings.getState().reload(),
              (failure: unknown) => setStoreError(failure),
            )
          }
        />
      ) : null}
      {total === 0 ? (
        <Paper withBorder p="xl" radius="md" data-testid="findings-empty">
          <Stack gap="xs" align="flex-start">
            <Title order={4}>{t('findings.empty.title')}</Title>
            <Text size="sm">{t('findings.empty.text')}</Text>
            <Text size="sm" c="dimmed">
              {t('findings.empty.where')}
            </Text>
            <Button mt="xs" leftSection={<IconPlus size={16} />} onClick={() => void raise()} disabled={readOnly || !view.typingMemberId} data-testid="findings-empty-raise">
              {t('findings.empty.button')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <>
          <Group gap="xs" align="center" wrap="wrap" data-testid="findings-toolbar">
            <TextInput
              ref={search}
              size="xs"
              style={{ flex: '1 1 220px', maxWidth: 320 }}
              leftSection={<IconSearch size={14} />}
              placeholder={t('findings.filter.searchPlaceholder')}
              aria-label={t('findings.filter.search')}
              value={filter.text}
              onChange={(e) => patch({ text: e.currentTarget.value })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  if (filter.text) patch({ text: '' });
                  else e.currentTarget.blur();
                }
                if (e.key === 'ArrowDown' && shown.length) {
                  e.preventDefault();
                  select(shown[0]!.id);
                  list.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
                }
              }}
              rightSection={filter.text ? <CloseButton size="xs" aria-label={t('findings.filter.clearSearch')} onClick={() => patch({ text: '' })} /> : <Kbd size="xs">/</Kbd>}
              data-testid="findings-search"
            />
            <div translate="no">
              <MultiSelect size="xs" w={200} placeholder={t('findings.filter.grade')} aria-label={t('findings.filter.grade')} data={gradeChoices} value={[...filter.grades]} onChange={(grades) => patch({ grades })} clearable data-testid="findings-filter-grade" />
            </div>
            <Select size="xs" w={170} placeholder={t('findings.filter.clause')} aria-label={t('findings.filter.clause')} data={clauseChoices} value={filter.clause} onChange={(clause) => patch({ clause })} clearable searchable />
            {processChoices.length ? <Select size="xs" w={170} placeholder={t('findings.filter.process')} aria-label={t('findings.filter.process')} data={processChoices} value={filter.process} onChange={(process) => patch({ process })} clearable /> : null}
            {siteChoices.length ? <Select size="xs" w={150} placeholder={t('findings.filter.site')} aria-label={t('findings.filter.site')} data={siteChoices} value={filter.site} onChange={(site) => patch({ site })} clearable /> : null}
            <Select size="xs" w={150} placeholder={t('findings.filter.raisedBy')} aria-label={t('findings.filter.raisedBy')} data={memberChoices} value={filter.raisedBy} onChange={(raisedBy) => patch({ raisedBy })} clearable />
          </Group>
          <Group gap="xs" align="center" wrap="wrap" mt={-6}>
            <Switch
              size="xs"
              label={t('findings.filter.openWarnings', { count: openTotal })}
              checked={filter.openWarnings}
              onChange={(e) => patch({ openWarnings: e.currentTarget.checked })}
              data-testid="findings-filter-warnings"
              style={{ alignSelf: 'center' }}
            />
            <Group gap={6} ml="auto" wrap="nowrap" align="center">
              <Text size="xs" c="dimmed">
                {t('findings.sort.label')}
              </Text>
              <Select
                size="xs"
                w={170}
                aria-label={t('findings.sort.label')}
                data={FINDING_SORTS.map((value) => ({ value, label: t(`findings.sort.${value}`) }))}
                value={sort}
                onChange={(value) => value && setSort(value as FindingSort)}
                allowDeselect={false}
                data-testid="findings-sort"
              />
              <Text size="xs" c="dimmed">
                {t('findings.group.label')}
              </Text>
              <Select
                size="xs"
                w={130}
                aria-label={t('findings.group.label')}
                data={FINDING_GROUPINGS.map((value) => ({ value, label: t(`findings.group.${value}`) }))}
                value={group}
                onChange={(value) => value && setGroup(value as FindingGrouping)}
                allowDeselect={false}
                data-testid="findings-grouping"
              />
            </Group>
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6, lg: 5 }} ref={list}>
              <Text size="xs" c="dimmed" mb={4} data-testid="findings-count">
                {filtered ? t('findings.list.showing', { shown: formatNumber(shown.length), total: formatNumber(total) }) : t('findings.list.count', { count: total, total: formatNumber(total) })}
              </Text>
              {shown.length === 0 ? (
                <Paper withBorder p="lg" data-testid="findings-no-match">
                  <Text size="sm" mb="xs">
                    {t('findings.list.noMatch')}
                  </Text>
                  <Button size="xs" variant="default" onClick={() => setFilter(NO_FILTER)}>
                    {t('findings.filter.clear')}
                  </Button>
                </Paper>
              ) : (
                <FindingsWindow
                  rows={rows}
                  rowHeight={ROW_HEIGHT}
                  groupHeight={GROUP_HEIGHT}
                  height="calc(100vh - 360px)"
                  selectedId={selectedId}
                  onSelect={select}
                  onDelete={(id) => {
                    const finding = view.findings.find((candidate) => candidate.id === id);
                    if (finding && !readOnly) remove(finding);
                  }}
                  label={t('findings.list.label')}
                  renderFinding={(finding, isSelected) => (
                    <FindingRow
                      finding={finding}
                      selected={isSelected}
                      gradeLabel={gradeLabel(finding.grade)}
                      gradeIsData={finding.gradeKnown && finding.grade !== AREA_OF_CONCERN}
                      colour={NATURE_COLOURS[gradeNature(finding.grade, view.grades)]}
                      processLabel={finding.process ? processName(finding.process) : ''}
                      open={checks.open.get(finding.id) ?? 0}
                    />
                  )}
                />
              )}
              <Text size="xs" c="dimmed" mt={6}>
                {t('findings.list.keys')}
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6, lg: 7 }}>
              <Paper withBorder p="md" radius="md" style={{ maxHeight: 'calc(100vh - 345px)', overflowY: 'auto' }} data-testid="finding-editor-pane">
                {selected ? (
                  <FindingEditor key={selected.id} finding={selected} view={view} context={context} prompts={checks.prompts.get(selected.id) ?? NO_PROMPTS} isLead={isLead} readOnly={readOnly} onDelete={deleteSelected} />
                ) : (
                  <Text size="sm" c="dimmed" data-testid="finding-none-selected">
                    {t('findings.editor.chooseOne')}
                  </Text>
                )}
              </Paper>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function GroupHeading({ label, count, data }: { label: string; count: number; data: boolean }) {
  return (
    <Group h="100%" px="sm" gap="xs" wrap="nowrap" bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" truncate="end" translate={data ? 'no' : undefined}>
        {label}
      </Text>
      <Badge size="xs" variant="default" style={{ flexShrink: 0 }}>
        {formatNumber(count)}
      </Badge>
    </Group>
  );
}

const FindingRow = memo(function FindingRow({
  finding,
  selected,
  gradeLabel,
  gradeIsData,
  colour,
  processLabel,
  open,
}: {
  finding: FindingView;
  selected: boolean;
  gradeLabel: string;
  gradeIsData: boolean;
  colour: string;
  processLabel: string;
  open: number;
}) {
  const { t } = useTranslation();
  const firstLine = finding.notFulfilled.split('\n').find((line) => line.trim()) ?? '';
  const clauses = [...finding.clauses].map((link) => link.target).sort(compareClauses);
  return (
    <Stack
      gap={2}
      px="sm"
      py={6}
      h="100%"
      justify="center"
      data-testid="finding-row"
      data-label={finding.label}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: selected ? 'var(--mantine-color-indigo-0)' : undefined,
        boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-indigo-5)' : undefined,
      }}
    >
      <Group gap={8} wrap="nowrap">
        <Text size="sm" fw={700} ff="monospace" translate="no" style={{ flexShrink: 0 }} data-testid="finding-row-label">
          {finding.label}
        </Text>
        <Badge size="xs" variant="light" color={finding.gradeKnown ? colour : 'gray'} tt="none" style={{ flexShrink: 1, minWidth: 0 }} leftSection={finding.gradeKnown ? undefined : <IconAlertTriangle size={10} />} translate={gradeIsData ? 'no' : undefined} data-testid="finding-row-grade">
          {gradeLabel}
        </Badge>
        <Text size="xs" c="dimmed" ff="monospace" truncate="end" translate="no" style={{ minWidth: 0, flex: 1 }}>
          {clauses.join(t('common.listSeparator'))}
        </Text>
        {open ? (
          <Badge size="xs" color="orange" variant="filled" style={{ flexShrink: 0 }} data-testid="finding-row-warnings">
            {t('findings.list.warnings', { count: open })}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" truncate="end" translate="no" c={firstLine ? undefined : 'dimmed'}>
        {firstLine || <span translate="yes">{t('findings.list.notWritten')}</span>}
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        {[processLabel ? <span key="p" translate="no">{processLabel}</span> : null, <span key="r" translate="no">{finding.raisedByName}</span>, <span key="d">{formatDay(finding.raisedOn)}</span>]
          .filter(Boolean)
          .flatMap((part, index) => (index ? [' · ', part] : [part]))}
      </Text>
    </Stack>
  );
});
