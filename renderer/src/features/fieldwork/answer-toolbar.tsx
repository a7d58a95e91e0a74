import { Button, Checkbox, Chip, CloseButton, Group, Popover, ScrollArea, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronDown, IconSearch } from '@tabler/icons-react';
import { memo, useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { filtersSet, type AnswerFilter } from '../../../../shared/fieldwork/answer-filters.ts';
import { ANSWER_ORDERS, type AnswerOrder } from '../../../../shared/fieldwork/answer-order.ts';
import { ANSWER_RESULTS } from '../../../../shared/fieldwork/answer-results.ts';
import { KeyHint } from './answer-details.tsx';

export interface FilterOption {
  readonly value: string;
  readonly label: string;
  /** User data (site and session names, pack texts): not translated by the browser. */
  readonly data?: boolean;
}

/** A filter of many values: a button saying how many are chosen, opening a list of checkboxes. */
function FilterMenu({ label, options, chosen, empty, onChange, testId }: { label: string; options: readonly FilterOption[]; chosen: readonly string[]; empty: string; onChange: (values: string[]) => void; testId: string }) {
  const picked = new Set(chosen);
  return (
    <Popover position="bottom-start" shadow="md" width={380} trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant={chosen.length ? 'light' : 'default'} rightSection={<IconChevronDown size={14} />} data-testid={testId}>
          {label}
          {chosen.length ? ` · ${chosen.length}` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {options.length ? (
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={6} pr="xs">
              {options.map((option) => (
                <Checkbox
                  key={option.value}
                  size="xs"
                  label={option.data ? <span translate="no">{option.label}</span> : option.label}
                  checked={picked.has(option.value)}
                  onChange={(event) => onChange(event.currentTarget.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        ) : (
          <Text size="xs" c="dimmed">
            {empty}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * The checklist's order, search and filters, with how many questions they leave. Search waits for an
 * input method to finish composing; filtering is immediate (a pass over precomputed facts).
 */
export const AnswerToolbar = memo(function AnswerToolbar({
  order,
  filter,
  shown,
  total,
  units,
  sites,
  sessions,
  searchRef,
  onOrder,
  onFilter,
  onClear,
}: {
  order: AnswerOrder;
  filter: AnswerFilter;
  shown: number;
  total: number;
  units: readonly FilterOption[];
  sites: readonly FilterOption[];
  sessions: readonly FilterOption[];
  searchRef: Ref<HTMLInputElement>;
  onOrder: (order: AnswerOrder) => void;
  onFilter: (patch: Partial<AnswerFilter>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(filter.query);
  useEffect(() => setTyped(filter.query), [filter.query]);
  const active = filtersSet(filter) > 0;
  return (
    <Stack gap={8}>
      <Group gap="sm" wrap="wrap">
        <Group gap={6} wrap="nowrap">
          <SegmentedControl
            size="xs"
            value={order}
            onChange={(value) => onOrder(value as AnswerOrder)}
            aria-label={t('fieldwork.order.label')}
            data={ANSWER_ORDERS.map((value) => ({ value, label: t(`fieldwork.order.${value}`) }))}
            data-testid="answer-order"
          />
          <KeyHint>O</KeyHint>
        </Group>
        <TextInput
          ref={searchRef}
          size="xs"
          style={{ flex: 1, minWidth: 220 }}
          aria-label={t('fieldwork.search.label')}
          placeholder={t('fieldwork.search.placeholder')}
          leftSection={<IconSearch size={14} />}
          rightSection={typed ? <CloseButton size="sm" aria-label={t('fieldwork.search.clear')} onClick={() => (setTyped(''), onFilter({ query: '' }))} /> : <KeyHint>Ctrl+F</KeyHint>}
          rightSectionWidth={typed ? undefined : 56}
          value={typed}
          data-testid="answer-search"
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            if (!(event.nativeEvent as InputEvent).isComposing) onFilter({ query: event.currentTarget.value });
          }}
          onCompositionEnd={(event) => onFilter({ query: event.currentTarget.value })}
        />
      </Group>
      <Group gap={8} wrap="wrap">
        <Tooltip label={t('fieldwork.filters.unansweredHint')} openDelay={400}>
          <Chip size="xs" checked={filter.unanswered} onChange={(checked) => onFilter({ unanswered: checked })} data-testid="filter-unanswered">
            {t('fieldwork.filters.unanswered')} <KeyHint>U</KeyHint>
          </Chip>
        </Tooltip>
        <Tooltip label={t('fieldwork.filters.mineHint')} openDelay={400}>
          <Chip size="xs" checked={filter.mine} onChange={(checked) => onFilter({ mine: checked })} data-testid="filter-mine">
            {t('fieldwork.filters.mine')} <KeyHint>M</KeyHint>
          </Chip>
        </Tooltip>
        <FilterMenu
          label={t('fieldwork.filters.result')}
          options={ANSWER_RESULTS.map((value) => ({ value, label: t(`fieldwork.results.${value}`) }))}
          chosen={filter.results}
          empty=""
          onChange={(values) => onFilter({ results: values as AnswerFilter['results'] })}
          testId="filter-result"
        />
        <FilterMenu label={t('fieldwork.filters.process')} options={units} chosen={filter.units} empty="" onChange={(values) => onFilter({ units: values })} testId="filter-process" />
        <FilterMenu label={t('fieldwork.filters.site')} options={sites} chosen={filter.sites} empty={t('fieldwork.filters.noSites')} onChange={(values) => onFilter({ sites: values })} testId="filter-site" />
        <FilterMenu label={t('fieldwork.filters.session')} options={sessions} chosen={filter.sessions} empty={t('fieldwork.filters.noSessions')} onChange={(values) => onFilter({ sessions: values })} testId="filter-session" />
        <Tooltip label={t('fieldwork.filters.kept')} disabled={!(filter.unanswered || filter.mine || filter.results.length)} multiline w={260} openDelay={300}>
          <Text size="sm" c="dimmed" ml="auto" data-testid="answers-count">
            {active ? t('fieldwork.filters.count', { shown, total }) : t('fieldwork.filters.countAll', { total })}
          </Text>
        </Tooltip>
        <Button size="compact-sm" variant="subtle" disabled={!active} onClick={onClear} data-testid="filter-clear" rightSection={<KeyHint>Shift+X</KeyHint>}>
          {t('fieldwork.filters.clear')}
        </Button>
      </Group>
    </Stack>
  );
});
