// The records × attributes grid from the keyboard: arrows move, P/F/N/Space set a cell and move on,
// Enter opens the record; nothing acts while an input method composes.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EN_APP } from '../../i18n/en/app.ts';
import { EN_RECORDS } from '../../i18n/en/records.ts';
import type { RecordResult } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { RecordGrid, type GridRecord } from './records-grid.tsx';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: { ...EN_APP, ...EN_RECORDS } } } });
});
afterEach(() => {
  fireEvent.compositionEnd(document.body);
});

const columns = [
  { id: 'a1', text: 'Classified' },
  { id: 'a2', text: 'Approved' },
  { id: 'a3', text: 'Reviewed' },
];
const record = (id: string, cells: Record<string, RecordResult> = {}, result: RecordResult = 'not_tested'): GridRecord => ({
  id,
  ref: id.toUpperCase(),
  result,
  derived: result,
  note: '',
  hasEvidence: false,
  cells: new Map(Object.entries(cells).map(([key, value]) => [key, { result: value, note: '' }])),
});

function setup(records = [record('chg-1'), record('chg-2', { a2: 'fail' }, 'fail')]) {
  const onCell = vi.fn();
  const onResult = vi.fn();
  const onOpen = vi.fn();
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <RecordGrid records={records} columns={columns} readOnly={false} onCell={onCell} onResult={onResult} onOpen={onOpen} />
      </I18nextProvider>
    </MantineProvider>,
  );
  const cell = (row: number, col: number) => document.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`)!;
  const focus = (row: number, col: number) => act(() => cell(row, col).focus());
  const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement!, { key, ...init });
  return { onCell, onResult, onOpen, cell, focus, press };
}

describe('the records grid', () => {
  it('sets attributes with P, F, N and Space, moving on to the next attribute', () => {
    const { onCell, cell, press, focus } = setup();
    focus(0, 1);
    press('p');
    expect(onCell).toHaveBeenLastCalledWith('chg-1', 'a1', 'pass');
    expect(document.activeElement).toBe(cell(0, 2));
    press('F');
    expect(onCell).toHaveBeenLastCalledWith('chg-1', 'a2', 'fail');
    press('n');
    expect(onCell).toHaveBeenLastCalledWith('chg-1', 'a3', 'not_applicable');
    // The last attribute keeps the focus; Space clears without moving.
    expect(document.activeElement).toBe(cell(0, 3));
    press(' ');
    expect(onCell).toHaveBeenLastCalledWith('chg-1', 'a3', 'not_tested');
    expect(document.activeElement).toBe(cell(0, 3));
  });

  it('moves with the arrows, Home and End, within the grid', () => {
    const { cell, press, onResult, focus } = setup();
    focus(0, 1);
    press('ArrowDown');
    expect(document.activeElement).toBe(cell(1, 1));
    press('ArrowDown');
    expect(document.activeElement).toBe(cell(1, 1));
    press('End');
    expect(document.activeElement).toBe(cell(1, 4));
    // The result column sets the record's own result.
    press('p');
    expect(onResult).toHaveBeenLastCalledWith('chg-2', 'pass');
    press('Home');
    press('ArrowUp');
    expect(document.activeElement).toBe(cell(0, 0));
    press('ArrowLeft');
    expect(document.activeElement).toBe(cell(0, 0));
  });

  it('opens the record with Enter, with the attribute of the cell', () => {
    const { press, onOpen, focus } = setup();
    focus(1, 2);
    press('Enter');
    expect(onOpen).toHaveBeenLastCalledWith('chg-2', 'a2');
    press('Home');
    press('Enter');
    expect(onOpen).toHaveBeenLastCalledWith('chg-2', null);
  });

  it('does nothing while an input method composes, nor with Ctrl or Alt held', () => {
    const { cell, press, onCell, focus } = setup();
    focus(0, 1);
    fireEvent.compositionStart(cell(0, 1), { data: '' });
    press('p');
    press('ArrowDown');
    expect(onCell).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(cell(0, 1));
    fireEvent.compositionEnd(cell(0, 1), { data: '批' });
    press('p', { ctrlKey: true });
    press('f', { altKey: true });
    press('n', { isComposing: true });
    expect(onCell).not.toHaveBeenCalled();
    press('p');
    expect(onCell).toHaveBeenCalledTimes(1);
  });

  it('steps a focused cell through the results on a click', () => {
    const { cell, onCell } = setup();
    fireEvent.click(cell(1, 2));
    expect(onCell).not.toHaveBeenCalled();
    fireEvent.click(cell(1, 2));
    expect(onCell).toHaveBeenLastCalledWith('chg-2', 'a2', 'not_applicable');
  });

  it('shows each cell and record result, readable by a screen reader', () => {
    setup();
    expect(screen.getByRole('grid', { name: 'Records and their test attributes' })).toBeTruthy();
    expect(screen.getByLabelText('CHG-2 · 2: Fail').textContent).toBe('✗');
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });
});
