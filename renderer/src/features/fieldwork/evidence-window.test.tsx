// The evidence list's windowing: 2,000 rows, only those in view drawn; the keys move the selection.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { WindowedList } from './evidence-window.tsx';

const items = Array.from({ length: 2000 }, (_, i) => ({ id: `e${i}`, title: `Reference ${i}` }));

function List({ onDelete }: { onDelete?: (index: number) => void }) {
  const [selected, setSelected] = useState(-1);
  return (
    <WindowedList
      items={items}
      rowHeight={50}
      height="500px"
      selectedIndex={selected}
      onSelect={setSelected}
      onDelete={onDelete}
      rowId={(item) => item.id}
      label="Evidence references"
      renderRow={(item) => <span>{item.title}</span>}
    />
  );
}

describe('the windowed list', () => {
  it('draws the rows in view only, and the rows around the scroll position', async () => {
    render(<List />);
    const list = screen.getByRole('listbox', { name: 'Evidence references' });
    expect(screen.getAllByRole('option').length).toBeLessThan(30);
    expect(screen.getByText('Reference 0')).toBeTruthy();
    list.scrollTop = 1500 * 50;
    fireEvent.scroll(list);
    await waitFor(() => expect(screen.getByText('Reference 1500')).toBeTruthy());
    expect(screen.queryByText('Reference 0')).toBeNull();
    expect(screen.getAllByRole('option').length).toBeLessThan(30);
    expect(screen.getByText('Reference 1500').parentElement!.getAttribute('aria-posinset')).toBe('1501');
  });

  it('moves the selection with the keys and keeps it in view; Delete asks to delete it', async () => {
    const onDelete = vi.fn();
    render(<List onDelete={onDelete} />);
    const list = screen.getByRole('listbox');
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('evidence-row-e0');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('evidence-row-e1');
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toBe('evidence-row-e1999');
    await act(async () => {
      fireEvent.scroll(list);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    await waitFor(() => expect(screen.getByText('Reference 1999')).toBeTruthy());
    fireEvent.keyDown(list, { key: 'Home' });
    expect(list.getAttribute('aria-activedescendant')).toBe('evidence-row-e0');
    fireEvent.keyDown(list, { key: 'Delete' });
    expect(onDelete).toHaveBeenCalledWith(0);
  });
});
