// Picking evidence references and people by typing: matches, "create it" first, keys.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { nameAndRole } from './answer-details.tsx';
import { AnswerTypeahead, type TypeaheadItem } from './answer-typeahead.tsx';

const ITEMS: TypeaheadItem[] = [
  { id: 'e1', label: 'Change policy', detail: 'Document · v3.2' },
  { id: 'e2', label: 'Change schedule Q4', detail: 'Record' },
  { id: 'e3', label: '变更管理程序', detail: '文件' },
];

function setup(linked: string[] = []) {
  const onPick = vi.fn();
  const onCreate = vi.fn();
  const onRemoveLast = vi.fn();
  render(
    <MantineProvider env="test">
      <AnswerTypeahead
        label="Evidence references"
        placeholder="Find a reference"
        items={ITEMS}
        linked={new Set(linked)}
        createLabel={(typed) => (typed ? `New: ${typed}` : null)}
        onPick={onPick}
        onCreate={onCreate}
        onRemoveLast={onRemoveLast}
        testId="input"
      />
    </MantineProvider>,
  );
  const input = screen.getByTestId('input');
  const type = (text: string) => fireEvent.change(input, { target: { value: text } });
  const press = (key: string) => fireEvent.keyDown(input, { key });
  const options = () => screen.queryAllByRole('option').map((option) => option.textContent);
  return { input, type, press, options, onPick, onCreate, onRemoveLast };
}

describe('AnswerTypeahead', () => {
  it('offers "create it" first when nothing is called that, then the matches of every word; Enter creates', () => {
    const { input, type, press, options, onCreate, onPick } = setup();
    fireEvent.focus(input);
    type('change q4');
    expect(options()).toEqual(['New: change q4', 'Change schedule Q4 · Record']);
    press('Enter');
    expect(onCreate).toHaveBeenCalledWith('change q4');
    expect(onPick).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', '');
  });

  it('picks a match with ↓ and Enter; an exact name (any case) offers no "create"; linked ones are not offered', () => {
    const { input, type, press, options, onPick } = setup(['e2']);
    fireEvent.focus(input);
    type('CHANGE POLICY');
    expect(options()).toEqual(['Change policy · Document · v3.2']);
    press('Enter');
    expect(onPick).toHaveBeenCalledWith('e1');
    type('change');
    press('ArrowDown');
    press('Enter');
    expect(onPick).toHaveBeenLastCalledWith('e1');
  });

  it('finds Chinese as a substring; Esc clears what was typed first; Backspace in the empty field takes the last link off', () => {
    const { input, type, press, options, onRemoveLast } = setup();
    fireEvent.focus(input);
    type('管理');
    expect(options()).toEqual(['New: 管理', '变更管理程序 · 文件']);
    press('Escape');
    expect(input).toHaveProperty('value', '');
    expect(options()).toEqual([]);
    press('Backspace');
    expect(onRemoveLast).toHaveBeenCalledTimes(1);
  });

  it('reads "Name, role" as the notebook writes a person (a Chinese comma too)', () => {
    expect(nameAndRole('Sam Okafor, Change manager')).toEqual({ name: 'Sam Okafor', role: 'Change manager' });
    expect(nameAndRole('王建国，变更经理')).toEqual({ name: '王建国', role: '变更经理' });
    expect(nameAndRole('  Lena Fischer ')).toEqual({ name: 'Lena Fischer', role: '' });
  });
});
