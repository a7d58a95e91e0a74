import { Badge, Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconHandStop, IconLink, IconNote } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordResult } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { isComposing } from '../../state/composition.ts';

export interface GridColumn {
  readonly id: string;
  readonly text: string;
}

export interface GridRecord {
  readonly id: string;
  readonly ref: string;
  readonly result: RecordResult;
  /** What the attributes say (resultFromAttributes): shown when the auditor set the result otherwise. */
  readonly derived: RecordResult;
  readonly note: string;
  readonly hasEvidence: boolean;
  readonly cells: ReadonlyMap<string, { readonly result: RecordResult; readonly note: string }>;
}

const KEYS: Record<string, RecordResult> = { p: 'pass', f: 'fail', n: 'not_applicable', ' ': 'not_tested' };
const CYCLE: readonly RecordResult[] = ['not_tested', 'pass', 'fail', 'not_applicable'];
export const RESULT_MARK: Record<RecordResult, string> = { pass: '✓', fail: '✗', not_applicable: '–', not_tested: '' };
export const RESULT_COLOUR: Record<RecordResult, string> = { pass: 'teal', fail: 'red', not_applicable: 'gray', not_tested: 'gray' };

/**
 * Records × test attributes: what was seen of each attribute of each record, and the record's result.
 * Keyboard first, like a spreadsheet: one cell has the focus (Tab enters and leaves the grid), arrows,
 * Home and End move, P pass, F fail, N not applicable (each then moves to the next attribute), Space
 * not tested, Enter opens the record (its
 * note, the cell's note, its evidence). A click on the focused cell steps through the four results.
 * Nothing acts while an input method composes.
 */
export function RecordGrid({
  records,
  columns,
  readOnly,
  onCell,
  onResult,
  onOpen,
  testId,
}: {
  records: readonly GridRecord[];
  columns: readonly GridColumn[];
  readOnly: boolean;
  onCell: (recordId: string, attributeId: string, result: RecordResult) => void;
  onResult: (recordId: string, result: RecordResult) => void;
  onOpen: (recordId: string, attributeId: string | null) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  // Columns: 0 the record id, 1…n the attributes, n+1 the record's result.
  const last = columns.length + 1;
  const [focus, setFocus] = useState({ row: 0, col: columns.length ? 1 : last });
  const [active, setActive] = useState(false);
  const table = useRef<HTMLTableElement | null>(null);
  const row = Math.min(focus.row, Math.max(records.length - 1, 0));
  const col = Math.min(focus.col, last);

  useEffect(() => {
    if (!active) return;
    const cell = table.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
    if (cell && document.activeElement !== cell) cell.focus({ preventScroll: false });
  }, [row, col, active]);

  const set = (r: number, c: number, result: RecordResult) => {
    const record = records[r];
    if (!record || readOnly) return;
    if (c >= 1 && c <= columns.length) onCell(record.id, columns[c - 1]!.id, result);
    else if (c === last) onResult(record.id, result);
  };
  const current = (r: number, c: number): RecordResult | null => {
    const record = records[r];
    if (!record) return null;
    if (c >= 1 && c <= columns.length) return record.cells.get(columns[c - 1]!.id)?.result ?? 'not_tested';
    return c === last ? record.result : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (isComposing(event.nativeEvent) || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = (r: number, c: number) => {
      event.preventDefault();
      setFocus({ row: Math.min(Math.max(r, 0), records.length - 1), col: Math.min(Math.max(c, 0), last) });
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(row + 1, col);
      case 'ArrowUp':
        return move(row - 1, col);
      case 'ArrowRight':
        return move(row, col + 1);
      case 'ArrowLeft':
        return move(row, col - 1);
      case 'Home':
        return move(row, 0);
      case 'End':
        return move(row, last);
      case 'Enter': {
        event.preventDefault();
        const record = records[row];
        if (record) onOpen(record.id, col >= 1 && col <= columns.length ? columns[col - 1]!.id : null);
        return;
      }
    }
    const result = KEYS[event.key.toLowerCase()];
    if (result !== undefined && col >= 1) {
      event.preventDefault();
      set(row, col, result);
      // A result typed in an attribute moves on to the next attribute, as a record is read through.
      if (col < columns.length && event.key !== ' ') setFocus({ row, col: col + 1 });
    }
  };

  const cellProps = (r: number, c: number, label: string) => ({
    'data-cell': `${r}:${c}`,
    role: 'gridcell',
    tabIndex: r === row && c === col ? 0 : -1,
    'aria-label': label,
    onFocus: () => {
      setActive(true);
      if (r !== row || c !== col) setFocus({ row: r, col: c });
    },
    onClick: () => {
      if (r === row && c === col && c >= 1) {
        const now = current(r, c);
        if (now !== null) set(r, c, CYCLE[(CYCLE.indexOf(now) + 1) % CYCLE.length]!);
      } else setFocus({ row: r, col: c });
    },
  });

  if (records.length === 0) return null;
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table
        ref={table}
        role="grid"
        aria-label={t('records.grid.label')}
        aria-rowcount={records.length + 1}
        className="records-grid"
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(false);
        }}
        data-testid={testId}
        style={{ borderCollapse: 'collapse', fontSize: 'var(--mantine-font-size-sm)' }}
      >
        <thead>
          <tr role="row">
            <th role="columnheader" style={headStyle('left')}>
              {t('records.grid.record')}
            </th>
            {columns.map((column, index) => (
              <th key={column.id} role="columnheader" style={headStyle('center')}>
                <Tooltip label={<span translate="no">{column.text}</span>} multiline w={320} withinPortal>
                  <span aria-label={column.text}>{index + 1}</span>
                </Tooltip>
              </th>
            ))}
            <th role="columnheader" style={headStyle('left')}>
              {t('records.grid.result')}
            </th>
            <th role="columnheader" style={headStyle('left')}>
              {t('records.grid.note')}
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((record, r) => (
            <tr key={record.id} role="row" data-testid="record-row" data-record={record.ref} data-result={record.result} style={{ background: record.result === 'fail' ? 'var(--mantine-color-red-0)' : undefined }}>
              <td {...cellProps(r, 0, record.ref)} style={cellStyle(active && r === row && col === 0, 'left')}>
                <UnstyledButton tabIndex={-1} onClick={() => onOpen(record.id, null)} ff="monospace" fz="sm" translate="no" data-testid="record-open">
                  {record.ref}
                </UnstyledButton>
                {record.hasEvidence ? (
                  <IconLink size={12} style={{ marginLeft: 4, verticalAlign: 'middle', opacity: 0.6 }} aria-label={t('records.grid.hasEvidence')} />
                ) : null}
              </td>
              {columns.map((column, c) => {
                const cell = record.cells.get(column.id);
                const result = cell?.result ?? 'not_tested';
                return (
                  <td
                    key={column.id}
                    {...cellProps(r, c + 1, t('common.labelled', { label: `${record.ref} · ${c + 1}`, value: t(`records.results.${result}`) }))}
                    data-result={result}
                    data-testid="attribute-cell"
                    style={{ ...cellStyle(active && r === row && col === c + 1, 'center'), color: `var(--mantine-color-${RESULT_COLOUR[result]}-7)`, fontWeight: 700, width: 34, position: 'relative' }}
                  >
                    {RESULT_MARK[result]}
                    {cell?.note ? <span aria-hidden style={{ position: 'absolute', top: 2, right: 3, width: 5, height: 5, borderRadius: 5, background: 'var(--mantine-color-indigo-5)' }} /> : null}
                  </td>
                );
              })}
              <td {...cellProps(r, last, t('common.labelled', { label: `${record.ref} · ${t('records.grid.result')}`, value: t(`records.results.${record.result}`) }))} data-testid="record-result" data-result={record.result} style={cellStyle(active && r === row && col === last, 'left')}>
                <Badge size="sm" variant={record.result === 'not_tested' ? 'outline' : 'light'} color={RESULT_COLOUR[record.result]}>
                  {t(`records.results.${record.result}`)}
                </Badge>
                {record.result !== record.derived && record.derived !== 'not_tested' ? (
                  <Tooltip label={t('records.grid.setByHand', { derived: t(`records.results.${record.derived}`) })} multiline w={260}>
                    <IconHandStop size={14} style={{ marginLeft: 4, verticalAlign: 'middle', opacity: 0.7 }} aria-label={t('records.grid.setByHand', { derived: t(`records.results.${record.derived}`) })} />
                  </Tooltip>
                ) : null}
              </td>
              <td style={{ ...cellStyle(false, 'left'), maxWidth: 260 }}>
                {record.note ? (
                  <Text size="xs" c="dimmed" truncate="end" translate="no">
                    <IconNote size={12} style={{ verticalAlign: 'middle', marginRight: 4 }} />
                    {record.note}
                  </Text>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

const headStyle = (align: 'left' | 'center') =>
  ({ textAlign: align, padding: '4px 8px', borderBottom: '1px solid var(--mantine-color-gray-4)', fontWeight: 600, fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', whiteSpace: 'nowrap' }) as const;

const cellStyle = (focused: boolean, align: 'left' | 'center') =>
  ({
    textAlign: align,
    padding: '3px 8px',
    borderBottom: '1px solid var(--mantine-color-gray-2)',
    outline: focused ? '2px solid var(--mantine-color-indigo-5)' : undefined,
    outlineOffset: -2,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
  }) as const;
