import { Badge, Tooltip } from '@mantine/core';
import { IconHandStop, IconLink, IconNote } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopulationRowView, SampleItemRowView } from '../../../../../shared/contract/sampling-views.ts';
import type { RecordResult } from '../../../../../shared/fieldwork/fieldwork-kinds.ts';
import { isComposing } from '../../../state/composition.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { RESULT_COLOUR, RESULT_MARK } from '../../fieldwork/records-grid.tsx';
import { itemSignature, parseSignature } from './sample-data.ts';

export const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;
/** Rows drawn above and below the visible ones, so a fast scroll shows no blank band. */
const OVERSCAN = 8;
const WIDTH = { id: 190, attribute: 44, result: 128, stratum: 140, cell: 150 } as const;

const KEYS: Record<string, RecordResult> = { p: 'pass', f: 'fail', n: 'not_applicable', delete: 'not_tested', backspace: 'not_tested' };
const CYCLE: readonly RecordResult[] = ['not_tested', 'pass', 'fail', 'not_applicable'];
const next = (result: RecordResult): RecordResult => CYCLE[(CYCLE.indexOf(result) + 1) % CYCLE.length]!;

export interface SampleGridColumn {
  readonly id: string;
  readonly text: string;
}

export interface SampleGridProps {
  readonly items: readonly SampleItemRowView[];
  readonly columns: readonly SampleGridColumn[];
  /** The population's kept columns shown after the results (the id column excluded): index into a row's cells and name. */
  readonly kept: readonly { readonly index: number; readonly name: string }[];
  readonly cells: ReadonlyMap<number, PopulationRowView>;
  readonly stratified: boolean;
  readonly readOnly: boolean;
  /** CSS height of the grid's scrolling box. */
  readonly height: string;
  /** The items in view changed: read their kept cells if not read yet. */
  readonly need: (first: number, last: number) => void;
  readonly onCell: (item: SampleItemRowView, attributeId: string, result: RecordResult) => void;
  readonly onResult: (item: SampleItemRowView, result: RecordResult) => void;
  readonly onOpen: (item: SampleItemRowView, attributeId: string | null) => void;
}

/**
 * The result in a cell now (column 1…n an attribute, n+1 the record), read from the store when a key
 * acts: the grid itself does not subscribe to the results.
 */
function resultIn(item: SampleItemRowView | undefined, attributeIds: readonly string[], col: number): RecordResult | null {
  const now = parseSignature(item ? itemSignature(useFieldworkRecords.getState().records, item.record_id, attributeIds) : '');
  if (col >= 1 && col <= attributeIds.length) return now.cells[col - 1]?.result ?? 'not_tested';
  return col === attributeIds.length + 1 ? now.result : null;
}

/**
 * The testing grid of a sample: its items in draw order × its test attributes, then the record's
 * result and the record's kept cells. Keyboard first like the records grid: the grid holds the focus
 * and one cell is active (arrows, Home/End, Ctrl+Home/End, Page Up/Down move); P pass, F fail,
 * N not applicable (then on to the next attribute), Space steps through the four results, Delete
 * clears, Enter opens the item. Nothing acts while an input method composes.
 *
 * Virtualized for 10,000 items: only the rows in view (and a few around) are drawn, each row is
 * memoized and selects its own results from the store by a string signature, so entering a result
 * re-renders one row and scrolling draws a few dozen.
 */
export const SampleGrid = memo(function SampleGrid({ items, columns, kept, cells, stratified, readOnly, height, need, onCell, onResult, onOpen }: SampleGridProps) {
  const { t } = useTranslation();
  const gridId = useId();
  const box = useRef<HTMLDivElement | null>(null);
  const frame = useRef<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const [hasFocus, setHasFocus] = useState(false);
  // Columns: 0 the record id, 1…n the attributes, n+1 the record's result.
  const last = columns.length + 1;
  const [focus, setFocus] = useState({ row: 0, col: columns.length ? 1 : last });
  const row = Math.min(focus.row, Math.max(items.length - 1, 0));
  const col = Math.min(focus.col, last);
  const attributeIds = useMemo(() => columns.map((column) => column.id), [columns]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setViewport(element.clientHeight || 480);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 480));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const first = Math.max(Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN, 0);
  const end = Math.min(Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN, items.length);
  const page = Math.max(Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1, 1);
  useEffect(() => need(first, end - 1), [first, end, need]);

  // Keep the active row in view when it moves by keyboard.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const top = row * ROW_HEIGHT;
    const visible = (element.clientHeight || viewport) - HEADER_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + visible) element.scrollTop = top + ROW_HEIGHT - visible;
  }, [row, viewport]);

  // The latest values for the handlers the memoized rows hold.
  const latest = useRef({ items, columns, row, col, readOnly, onCell, onResult, onOpen, attributeIds });
  latest.current = { items, columns, row, col, readOnly, onCell, onResult, onOpen, attributeIds };

  const set = useCallback((r: number, c: number, result: RecordResult) => {
    const { items: list, columns: cols, readOnly: locked, onCell: cell, onResult: whole } = latest.current;
    const item = list[r];
    if (!item || locked) return;
    if (c >= 1 && c <= cols.length) cell(item, cols[c - 1]!.id, result);
    else if (c === cols.length + 1) whole(item, result);
  }, []);
  const resultAt = (r: number, c: number) => resultIn(latest.current.items[r], latest.current.attributeIds, c);

  const onCellClick = useCallback(
    (r: number, c: number) => {
      box.current?.focus();
      const { row: atRow, col: atCol } = latest.current;
      if (r === atRow && c === atCol && c >= 1) {
        const now = resultIn(latest.current.items[r], latest.current.attributeIds, c);
        if (now !== null) set(r, c, next(now));
      } else setFocus({ row: r, col: c });
    },
    [set],
  );
  const onIdClick = useCallback((r: number) => {
    const item = latest.current.items[r];
    if (item) latest.current.onOpen(item, null);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isComposing(event.nativeEvent) || event.altKey || event.metaKey || items.length === 0) return;
    const move = (r: number, c: number) => {
      event.preventDefault();
      setFocus({ row: Math.min(Math.max(r, 0), items.length - 1), col: Math.min(Math.max(c, 0), last) });
    };
    if (event.ctrlKey) {
      if (event.key === 'Home') move(0, col);
      else if (event.key === 'End') move(items.length - 1, col);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(row + 1, col);
      case 'ArrowUp':
        return move(row - 1, col);
      case 'ArrowRight':
        return move(row, col + 1);
      case 'ArrowLeft':
        return move(row, col - 1);
      case 'PageDown':
        return move(row + page, col);
      case 'PageUp':
        return move(row - page, col);
      case 'Home':
        return move(row, 0);
      case 'End':
        return move(row, last);
      case 'Enter': {
        event.preventDefault();
        const item = items[row];
        if (item) onOpen(item, col >= 1 && col <= columns.length ? columns[col - 1]!.id : null);
        return;
      }
      case ' ': {
        event.preventDefault();
        const now = resultAt(row, col);
        if (now !== null) set(row, col, next(now));
        return;
      }
    }
    const result = KEYS[event.key.toLowerCase()];
    if (result !== undefined && col >= 1) {
      event.preventDefault();
      set(row, col, result);
      // A result typed in an attribute moves on to the next attribute, as a record is read through.
      if (col < columns.length && result !== 'not_tested') setFocus({ row, col: col + 1 });
    }
  };

  const template = useMemo(
    () => [WIDTH.id, ...columns.map(() => WIDTH.attribute), WIDTH.result, ...(stratified ? [WIDTH.stratum] : []), ...kept.map(() => WIDTH.cell)].map((w) => `${w}px`).join(' '),
    [columns, stratified, kept],
  );
  const width = useMemo(() => WIDTH.id + columns.length * WIDTH.attribute + WIDTH.result + (stratified ? WIDTH.stratum : 0) + kept.length * WIDTH.cell, [columns, stratified, kept]);
  const cellId = (r: number, c: number) => `${gridId}-${r}-${c}`;

  const rows = [];
  for (let index = first; index < end; index++) {
    const item = items[index]!;
    rows.push(
      <GridRow
        key={item.id}
        item={item}
        index={index}
        activeCol={index === row ? col : -1}
        showFocus={hasFocus}
        attributeIds={attributeIds}
        template={template}
        kept={kept}
        cells={cells.get(item.row_no)}
        stratified={stratified}
        gridId={gridId}
        onCellClick={onCellClick}
        onIdClick={onIdClick}
      />,
    );
  }

  return (
    <div
      ref={box}
      role="grid"
      aria-label={t('sampleTesting.grid.label')}
      aria-rowcount={items.length + 1}
      aria-colcount={last + 1 + (stratified ? 1 : 0) + kept.length}
      aria-activedescendant={items.length ? cellId(row, col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => setHasFocus(true)}
      onBlur={() => setHasFocus(false)}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        if (frame.current !== null) return;
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          setScrollTop(box.current?.scrollTop ?? top);
        });
      }}
      data-testid="sample-grid"
      data-count={items.length}
      style={{ height, overflow: 'auto', position: 'relative', outline: 'none', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)', fontSize: 'var(--mantine-font-size-sm)' }}
    >
      <div style={{ width, minWidth: '100%' }}>
        <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: template, position: 'sticky', top: 0, zIndex: 1, height: HEADER_HEIGHT, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
          <div role="columnheader" style={head('left')}>
            {t('sampleTesting.grid.record')}
          </div>
          {columns.map((column, index) => (
            <div key={column.id} role="columnheader" style={head('center')}>
              <Tooltip label={<span translate="no">{column.text}</span>} multiline w={320} withinPortal>
                <span aria-label={column.text}>{index + 1}</span>
              </Tooltip>
            </div>
          ))}
          <div role="columnheader" style={head('left')}>
            {t('sampleTesting.grid.result')}
          </div>
          {stratified ? (
            <div role="columnheader" style={head('left')}>
              {t('sampleTesting.grid.stratum')}
            </div>
          ) : null}
          {kept.map((column) => (
            <div key={column.index} role="columnheader" style={head('left')} translate="no" title={column.name}>
              {column.name}
            </div>
          ))}
        </div>
        <div role="rowgroup" style={{ height: items.length * ROW_HEIGHT, position: 'relative' }}>
          {rows}
        </div>
      </div>
    </div>
  );
});

interface RowProps {
  readonly item: SampleItemRowView;
  readonly index: number;
  /** The active column when this row holds the active cell, else -1. */
  readonly activeCol: number;
  readonly showFocus: boolean;
  readonly attributeIds: readonly string[];
  readonly template: string;
  readonly kept: SampleGridProps['kept'];
  readonly cells: PopulationRowView | undefined;
  readonly stratified: boolean;
  readonly gridId: string;
  readonly onCellClick: (row: number, col: number) => void;
  readonly onIdClick: (row: number) => void;
}

/** One item: re-rendered only when its results, its place or its active cell change. */
const GridRow = memo(function GridRow({ item, index, activeCol, showFocus, attributeIds, template, kept, cells, stratified, gridId, onCellClick, onIdClick }: RowProps) {
  const { t } = useTranslation();
  const signature = useFieldworkRecords((s) => itemSignature(s.records, item.record_id, attributeIds));
  const data = useMemo(() => parseSignature(signature), [signature]);
  const last = attributeIds.length + 1;
  const props = (c: number, label: string) => ({
    id: `${gridId}-${index}-${c}`,
    role: 'gridcell',
    'aria-label': label,
    'aria-selected': activeCol === c,
    'data-cell': `${index}:${c}`,
    onMouseDown: (event: { preventDefault(): void }) => event.preventDefault(),
    onClick: () => onCellClick(index, c),
  });
  const ring = (c: number): CSSProperties => (activeCol === c ? { outline: `2px solid var(--mantine-color-indigo-${showFocus ? 5 : 2})`, outlineOffset: -2 } : {});
  const byHand = data.result !== data.derived && data.derived !== 'not_tested';
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid="sample-row"
      data-record={item.record_ref}
      data-result={data.result}
      style={{
        display: 'grid',
        gridTemplateColumns: template,
        position: 'absolute',
        top: index * ROW_HEIGHT,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        alignItems: 'center',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: data.result === 'fail' ? 'var(--mantine-color-red-0)' : undefined,
        // A row's layout, style and paint stay inside it: the rows a scroll brings in do not make the
        // browser look again at the others (scrolling a fully tested 10,000-item grid had long tasks).
        contain: 'layout style paint',
      }}
    >
      <div {...props(0, item.record_ref)} style={{ ...cell('left'), ...ring(0) }}>
        {/* Plain spans, not Mantine's Text and Badge: a scroll mounts a dozen rows at once, and the
            components' style resolution was a large part of each frame (long tasks while scrolling). */}
        <span style={DRAW_NUMBER}>{item.draw_seq + 1}</span>
        <span style={RECORD_REF} translate="no" onClick={() => onIdClick(index)} data-testid="sample-item-open">
          {item.record_ref}
        </span>
        {item.selection === 'judgmental' || item.selection === 'extension' ? (
          <Badge size="xs" variant="light" color={item.selection === 'judgmental' ? 'grape' : 'blue'} ml={6} title={item.reason || undefined}>
            {t(`sampleTesting.selection.${item.selection}`)}
          </Badge>
        ) : null}
        {data.hasEvidence ? <IconLink size={12} style={{ marginLeft: 4, verticalAlign: 'middle', opacity: 0.6 }} aria-label={t('sampleTesting.grid.hasEvidence')} /> : null}
        {data.hasNote ? <IconNote size={12} style={{ marginLeft: 4, verticalAlign: 'middle', opacity: 0.6 }} aria-label={t('sampleTesting.grid.hasNote')} /> : null}
      </div>
      {attributeIds.map((attribute, c) => {
        const at = data.cells[c] ?? { result: 'not_tested' as RecordResult, hasNote: false };
        return (
          <div
            key={attribute}
            {...props(c + 1, t('common.labelled', { label: `${item.record_ref} · ${c + 1}`, value: t(`records.results.${at.result}`) }))}
            data-testid="sample-cell"
            data-result={at.result}
            style={{ ...cell('center'), ...ring(c + 1), color: `var(--mantine-color-${RESULT_COLOUR[at.result]}-7)`, fontWeight: 700, position: 'relative' }}
          >
            {RESULT_MARK[at.result]}
            {at.hasNote ? <span aria-hidden style={{ position: 'absolute', top: 3, right: 4, width: 5, height: 5, borderRadius: 5, background: 'var(--mantine-color-indigo-5)' }} /> : null}
          </div>
        );
      })}
      <div {...props(last, t('common.labelled', { label: `${item.record_ref} · ${t('sampleTesting.grid.result')}`, value: t(`records.results.${data.result}`) }))} data-testid="sample-result" data-result={data.result} style={{ ...cell('left'), ...ring(last) }}>
        <span style={RESULT_BADGE[data.result]}>{t(`records.results.${data.result}`)}</span>
        {byHand ? (
          <Tooltip label={t('records.grid.setByHand', { derived: t(`records.results.${data.derived}`) })} multiline w={260}>
            <IconHandStop size={14} style={{ marginLeft: 4, verticalAlign: 'middle', opacity: 0.7 }} aria-label={t('records.grid.setByHand', { derived: t(`records.results.${data.derived}`) })} />
          </Tooltip>
        ) : null}
      </div>
      {stratified ? (
        <div role="gridcell" style={cell('left')} translate="no" title={item.stratum}>
          {item.stratum}
        </div>
      ) : null}
      {kept.map((column) => {
        const value = cells?.cells[column.index] ?? '';
        return (
          <div key={column.index} role="gridcell" style={{ ...cell('left'), color: cells ? undefined : 'var(--mantine-color-dimmed)' }} translate="no" title={value}>
            {cells ? value : '…'}
          </div>
        );
      })}
    </div>
  );
});

const DRAW_NUMBER: CSSProperties = { fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', marginRight: 6, fontVariantNumeric: 'tabular-nums' };
const RECORD_REF: CSSProperties = { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)', textDecoration: 'underline', cursor: 'pointer' };

/** The look of Mantine's small badge (light, or outline for "not tested"), as one style object per result. */
const RESULT_BADGE = Object.fromEntries(
  (Object.entries(RESULT_COLOUR) as [RecordResult, string][]).map(([result, colour]) => {
    const outline = result === 'not_tested';
    const style: CSSProperties = {
      display: 'inline-flex',
      alignItems: 'center',
      height: 18,
      padding: '0 8px',
      borderRadius: 1000,
      fontSize: 10,
      fontWeight: 700,
      letterSpacing: '0.25px',
      textTransform: 'uppercase',
      lineHeight: '16px',
      verticalAlign: 'middle',
      background: outline ? 'transparent' : `var(--mantine-color-${colour}-light)`,
      color: outline ? `var(--mantine-color-${colour}-outline)` : `var(--mantine-color-${colour}-light-color)`,
      border: `1px solid ${outline ? `var(--mantine-color-${colour}-outline)` : 'transparent'}`,
    };
    return [result, style];
  }),
) as Record<RecordResult, CSSProperties>;

const head = (align: 'left' | 'center'): CSSProperties => ({
  textAlign: align,
  padding: '6px 8px',
  fontWeight: 600,
  fontSize: 'var(--mantine-font-size-xs)',
  color: 'var(--mantine-color-dimmed)',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
});

const cell = (align: 'left' | 'center'): CSSProperties => ({
  textAlign: align,
  padding: '0 8px',
  lineHeight: `${ROW_HEIGHT - 1}px`,
  height: ROW_HEIGHT - 1,
  cursor: 'pointer',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
});
