// The composition guard: while an input method composes (pinyin, kana…), the keys belong to it, so
// no shortcut fires; work held back with afterComposition runs once the characters are chosen.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterComposition, isComposing, useGuardedHotkeys } from './composition.ts';

function Shortcuts({ onSearch }: { onSearch: (event: KeyboardEvent) => void }) {
  useGuardedHotkeys([['mod+K', onSearch]], []);
  return <input aria-label="Client name" />;
}

function setup() {
  const onSearch = vi.fn<(event: KeyboardEvent) => void>();
  render(<Shortcuts onSearch={onSearch} />);
  const field = screen.getByLabelText('Client name');
  /** Ctrl+K typed in the field; returns whether the page kept the key from the browser. */
  const press = (init: KeyboardEventInit & { keyCode?: number } = {}): boolean => !fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ctrlKey: true, ...init });
  return { onSearch, field, press };
}

afterEach(() => {
  fireEvent.compositionEnd(document.body);
});

describe('useGuardedHotkeys', () => {
  it('fires the shortcut when no input method is composing', () => {
    const { onSearch, press } = setup();
    expect(press()).toBe(true);
    expect(onSearch).toHaveBeenCalledTimes(1);
    expect(onSearch.mock.calls[0]![0]).toBeInstanceOf(KeyboardEvent);
    press({ ctrlKey: false, metaKey: true });
    expect(onSearch).toHaveBeenCalledTimes(2);
  });

  it('fires nothing while a composition is in progress, and fires again once it ends', () => {
    const { onSearch, field, press } = setup();
    fireEvent.compositionStart(field, { data: '' });
    fireEvent.compositionUpdate(field, { data: 'shen' });
    // The key goes to the input method: not ours to act on, nor to take from it.
    expect(press()).toBe(false);
    expect(onSearch).not.toHaveBeenCalled();

    fireEvent.compositionEnd(field, { data: '审核' });
    expect(press()).toBe(true);
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it('fires nothing for a key event that says it is part of a composition', () => {
    const { onSearch, press } = setup();
    expect(press({ isComposing: true })).toBe(false);
    // keyCode 229: the key went to the input method (some browsers send it without isComposing).
    expect(press({ keyCode: 229 })).toBe(false);
    expect(onSearch).not.toHaveBeenCalled();
  });
});

describe('isComposing', () => {
  it('follows compositionstart / compositionend on the page, and the event’s own flags', () => {
    expect(isComposing()).toBe(false);
    expect(isComposing(new KeyboardEvent('keydown', { key: 'a' }))).toBe(false);
    expect(isComposing(new KeyboardEvent('keydown', { key: 'a', isComposing: true }))).toBe(true);
    document.dispatchEvent(new CompositionEvent('compositionstart'));
    expect(isComposing()).toBe(true);
    document.dispatchEvent(new CompositionEvent('compositionend'));
    expect(isComposing()).toBe(false);
  });
});

describe('afterComposition', () => {
  it('runs the work at once when no input method is composing', () => {
    const work = vi.fn();
    afterComposition(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('holds the work until the composition ends, then runs it once', () => {
    const work = vi.fn();
    const other = vi.fn();
    fireEvent.compositionStart(document.body);
    afterComposition(work);
    afterComposition(other);
    expect(work).not.toHaveBeenCalled();

    fireEvent.compositionEnd(document.body);
    expect(work).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);

    // A later composition does not run it again.
    fireEvent.compositionStart(document.body);
    fireEvent.compositionEnd(document.body);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
