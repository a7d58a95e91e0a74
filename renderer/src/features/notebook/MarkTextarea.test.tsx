// The notebook's field: Enter adds, Shift+Enter is a new line, autocomplete takes ↑↓ Enter Tab Esc —
// and nothing is taken from an input method composing Chinese.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MarkInProgress } from '../../../../shared/fieldwork/notebook-marks.ts';
import { en } from '../../i18n/en/index.ts';
import { MarkTextarea } from './MarkTextarea.tsx';
import type { Suggestion } from './notebook-logic.ts';

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const PEOPLE: Suggestion[] = [
  { key: 'a', label: 'Sam Okafor', detail: 'Change manager', insert: '@Sam Okafor, Change manager' },
  { key: 'b', label: 'Lena Fischer', detail: '', insert: '@Lena Fischer' },
];
const suggest = (mark: MarkInProgress): Suggestion[] => (mark.kind === 'person' ? PEOPLE : []);

function Field({ onSubmit }: { onSubmit: (value: string) => void }) {
  const [value, setValue] = useState('');
  return <MarkTextarea value={value} onValueChange={setValue} onSubmit={() => onSubmit(value)} suggest={suggest} aria-label="entry" />;
}

function setup() {
  const submitted = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <Field onSubmit={submitted} />
      </MantineProvider>
    </I18nextProvider>,
  );
  const field = screen.getByLabelText('entry') as HTMLTextAreaElement;
  const typeText = (text: string) => {
    field.focus();
    fireEvent.change(field, { target: { value: text, selectionStart: text.length, selectionEnd: text.length } });
  };
  return { field, submitted, typeText };
}

describe('MarkTextarea', () => {
  it('Enter submits, Shift+Enter does not', () => {
    const { field, submitted, typeText } = setup();
    typeText('CAB minutes seen');
    fireEvent.keyDown(field, { key: 'Enter', shiftKey: true });
    expect(submitted).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(submitted).toHaveBeenCalledWith('CAB minutes seen');
  });

  it('never submits on Enter while an input method composes (isComposing or keyCode 229)', () => {
    const { field, submitted, typeText } = setup();
    typeText('访谈王海伦');
    fireEvent.keyDown(field, { key: 'Enter', keyCode: 229 });
    fireEvent.compositionStart(field);
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.compositionEnd(field);
    expect(submitted).not.toHaveBeenCalled();
  });

  it('offers people after @: ↓ moves, Enter takes the chosen one in place of what was typed, without submitting', () => {
    const { field, submitted, typeText } = setup();
    typeText('Met @');
    expect(screen.getAllByTestId('mark-suggestion').map((item) => item.textContent)).toEqual(['Sam OkaforChange manager', 'Lena Fischer']);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    act(() => {
      fireEvent.keyDown(field, { key: 'Enter' });
    });
    expect(field.value).toBe('Met @Lena Fischer');
    expect(submitted).not.toHaveBeenCalled();
  });

  it('Tab takes too; Esc closes the list and leaves the text as typed, then Enter submits it', () => {
    const { field, submitted, typeText } = setup();
    typeText('Met @');
    act(() => {
      fireEvent.keyDown(field, { key: 'Tab' });
    });
    expect(field.value).toBe('Met @Sam Okafor, Change manager');
    typeText('Ask @J');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryAllByTestId('mark-suggestion')).toEqual([]);
    expect(field.value).toBe('Ask @J');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(submitted).toHaveBeenCalledWith('Ask @J');
  });

  it('while composing, the arrow keys and Enter belong to the input method, not the list', () => {
    const { field, typeText } = setup();
    typeText('与@');
    fireEvent.compositionStart(field);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.compositionEnd(field);
    expect(field.value).toBe('与@');
    expect(screen.getAllByRole('option')[0]!.getAttribute('aria-selected')).toBe('true');
  });
});
