import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isComposing } from '../../state/composition.ts';

/** Rows drawn above and below the visible ones, so a fast scroll shows no blank band. */
const OVERSCAN = 6;

/**
 * A list that draws only the rows in view (fixed row height): 2,000 evidence references scroll like
 * twenty. No virtualizer is installed, so this is the one small windowing of the app: the list is a
 * listbox with the selected row as its active descendant; ↑ ↓ Page Up/Down Home End move the
 * selection and keep it in view; Delete asks the owner to delete it.
 */
export function WindowedList<T>({
  items,
  rowHeight,
  height,
  selectedIndex,
  onSelect,
  onDelete,
  renderRow,
  rowId,
  label,
  testId,
}: {
  items: readonly T[];
  rowHeight: number;
  /** CSS height of the list (the rows inside are measured from it). */
  height: string;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onDelete?: (index: number) => void;
  renderRow: (item: T, index: number, selected: boolean) => ReactNode;
  rowId: (item: T) => string;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const frame = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setViewport(element.clientHeight || 600);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  // Keep the selected row in view when it moves by keyboard (or is chosen elsewhere).
  useEffect(() => {
    const element = box.current;
    if (!element || selectedIndex < 0) return;
    const top = selectedIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [selectedIndex, rowHeight]);

  const first = Math.max(Math.floor(scrollTop / rowHeight) - OVERSCAN, 0);
  const last = Math.min(Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN, items.length);
  const page = Math.max(Math.floor(viewport / rowHeight) - 1, 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isComposing(event.nativeEvent) || event.altKey || event.ctrlKey || event.metaKey || items.length === 0) return;
    const go = (index: number) => {
      event.preventDefault();
      onSelect(Math.min(Math.max(index, 0), items.length - 1));
    };
    const at = selectedIndex < 0 ? -1 : selectedIndex;
    switch (event.key) {
      case 'ArrowDown':
        return go(at + 1);
      case 'ArrowUp':
        return go(at < 0 ? 0 : at - 1);
      case 'PageDown':
        return go(at + page);
      case 'PageUp':
        return go(at - page);
      case 'Home':
        return go(0);
      case 'End':
        return go(items.length - 1);
      case 'Delete':
        if (onDelete && at >= 0) {
          event.preventDefault();
          onDelete(at);
        }
        return;
    }
  };

  const selected = items[selectedIndex];
  return (
    <div
      ref={box}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selected !== undefined ? `evidence-row-${rowId(selected)}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        if (frame.current !== null) return;
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          setScrollTop(box.current?.scrollTop ?? top);
        });
      }}
      data-testid={testId}
      data-count={items.length}
      style={{ height, overflowY: 'auto', position: 'relative', outline: 'none', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <div
              key={rowId(item)}
              id={`evidence-row-${rowId(item)}`}
              role="option"
              aria-selected={index === selectedIndex}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              onMouseDown={(event) => {
                // Keep the focus on the list (its keys), not on the row.
                event.preventDefault();
                box.current?.focus();
                onSelect(index);
              }}
              style={{ position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight, cursor: 'pointer' }}
            >
              {renderRow(item, index, index === selectedIndex)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
