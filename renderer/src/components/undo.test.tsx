// The one undo for deletes: a toast saying what went, with an Undo button for UNDO_MS.
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications, notificationsStore } from '@mantine/notifications';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { showUndo, UNDO_MS } from './undo.tsx';

let t: TFunction;
const MESSAGE = 'Site “A” deleted.';
/** Mantine's exit transition (Notifications' default transitionDuration, 250 ms) and some slack. */
const EXIT_MS = 300;
/** The toasts Mantine has open (a hidden one leaves this list at once, then slides out). */
const shown = () => notificationsStore.getState().notifications.map((n) => n.id);

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: { undo: { button: 'Undo' } } } } });
  t = i18n.t;
});

beforeEach(() => {
  vi.useFakeTimers();
  // env="test": no transitions and no portals, so what is shown is in the document at once.
  render(
    <MantineProvider env="test">
      <Notifications />
    </MantineProvider>,
  );
});

afterEach(() => {
  act(() => notifications.clean());
  vi.useRealTimers();
});

describe('showUndo', () => {
  it('shows the message with an Undo button; Undo runs the undo once and hides the toast', () => {
    const undo = vi.fn(async () => undefined);
    act(() => showUndo(t, MESSAGE, undo));
    expect(screen.getByText(MESSAGE)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Undo' });

    fireEvent.click(button);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(shown()).toEqual([]);
    act(() => vi.advanceTimersByTime(EXIT_MS));
    expect(screen.queryByText(MESSAGE)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('goes away by itself after UNDO_MS, without undoing', () => {
    const undo = vi.fn(async () => undefined);
    act(() => showUndo(t, MESSAGE, undo));

    act(() => vi.advanceTimersByTime(UNDO_MS - 100));
    expect(screen.getByText(MESSAGE)).toBeTruthy();
    act(() => vi.advanceTimersByTime(100));
    expect(shown()).toEqual([]); // closed at UNDO_MS…
    act(() => vi.advanceTimersByTime(EXIT_MS));
    expect(screen.queryByText(MESSAGE)).toBeNull(); // …and gone once it has slid out
    expect(undo).not.toHaveBeenCalled();
  });

  it('gives each delete its own toast: undoing one leaves the other', () => {
    const first = vi.fn(async () => undefined);
    const second = vi.fn(async () => undefined);
    act(() => showUndo(t, 'Site “A” deleted.', first));
    act(() => showUndo(t, 'Site “B” deleted.', second));
    const buttons = screen.getAllByRole('button', { name: 'Undo' });
    expect(buttons).toHaveLength(2);

    fireEvent.click(buttons[1]!);
    act(() => vi.advanceTimersByTime(EXIT_MS));
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    expect(screen.getByText('Site “A” deleted.')).toBeTruthy();
    expect(screen.queryByText('Site “B” deleted.')).toBeNull();
  });
});
