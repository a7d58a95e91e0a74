import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isComposing } from '../../state/composition.ts';

/** Rows drawn above and below the visible ones (px), so a fast scroll shows no blank band. */
const OVERSCAN = 400;

export type WindowRow<F> = { readonly kind: 'group'; readonly key: string; readonly label: ReactNode; readonly count: number } | { readonly kind: 'finding'; readonly key: string; readonly finding: F };

/**
 * The findings list, windowed: group headings and finding rows of two fixed heights, only those in
 * view in the page (1,000 findings scroll like ten). A listbox whose selected finding is its active
 * descendant; ↑ ↓ Page Up/Down Home End move between findings (headings are skipped) and keep the
 * selection in view; Delete asks the owner to delete the selected one.
 */
export function FindingsWindow<F extends { readonly id: string }>({
  rows,
  groupHeight,
  rowHeight,
  height,
  selectedId,
  onSelect,
  onDelete,
  renderFinding,
  label,
}: {
  rows: readonly WindowRow<F>[];
  groupHeight: number;
  rowHeight: number;
  height: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onDelete?: (id: string) => void;
  renderFinding: (finding: F, selected: boolean) => ReactNode;
  label: string;
}) {
  const box = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const frame = useRef<number | null>(null);

  const { tops, total, findingRows } = useMemo(() => {
    const tops = new Float64Array(rows.length + 1);
    const findingRows: number[] = [];
    rows.forEach((row, index) => {
      tops[index + 1] = tops[index]! + (row.kind === 'group' ? groupHeight : rowHeight);
      if (row.kind === 'finding') findingRows.push(index);
    });
    return { tops, total: tops[rows.length]!, findingRows };
  }, [rows, groupHeight, rowHeight]);
  const selectedRow = rows.findIndex((row) => row.kind === 'finding' && row.finding.id === selectedId);

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
  // Keep the selected finding in view (and its group's heading when it is the group's first).
  useEffect(() => {
    const element = box.current;
    if (!element || selectedRow < 0) return;
    const top = selectedRow > 0 && rows[selectedRow - 1]?.kind === 'group' ? tops[selectedRow - 1]! : tops[selectedRow]!;
    const bottom = tops[selectedRow + 1]!;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
  }, [selectedRow, tops, rows]);

  // The rows in view: binary search for the first row ending below the top.
  let first = 0;
  let [low, high] = [0, rows.length - 1];
  const from = Math.max(scrollTop - OVERSCAN, 0);
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle + 1]! > from) high = middle;
    else low = middle + 1;
  }
  first = Math.max(low, 0);
  let last = first;
  while (last < rows.length && tops[last]! < scrollTop + viewport + OVERSCAN) last++;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isComposing(event.nativeEvent) || event.altKey || event.ctrlKey || event.metaKey || !findingRows.length) return;
    const at = findingRows.indexOf(selectedRow);
    const page = Math.max(Math.floor(viewport / rowHeight) - 1, 1);
    const go = (ordinal: number) => {
      event.preventDefault();
      const row = rows[findingRows[Math.min(Math.max(ordinal, 0), findingRows.length - 1)]!]!;
      if (row.kind === 'finding') onSelect(row.finding.id);
    };
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
        return go(findingRows.length - 1);
      case 'Delete':
        if (onDelete && selectedId && at >= 0) {
          event.preventDefault();
          onDelete(selectedId);
        }
        return;
    }
  };

  return (
    <div
      ref={box}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedRow >= 0 ? `finding-row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        if (frame.current !== null) return;
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          setScrollTop(box.current?.scrollTop ?? top);
        });
      }}
      data-testid="findings-list"
      data-count={findingRows.length}
      style={{ height, overflowY: 'auto', position: 'relative', outline: 'none', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <div style={{ height: total, position: 'relative' }}>
        {rows.slice(first, last).map((row, offset) => {
          const index = first + offset;
          const style = { position: 'absolute', top: tops[index], left: 0, right: 0, height: row.kind === 'group' ? groupHeight : rowHeight } as const;
          if (row.kind === 'group') {
            return (
              <div key={row.key} role="presentation" style={style} data-testid="findings-group">
                {row.label}
              </div>
            );
          }
          const selected = row.finding.id === selectedId;
          return (
            <div
              key={row.key}
              id={`finding-row-${row.finding.id}`}
              role="option"
              aria-selected={selected}
              onMouseDown={(event) => {
                // Keep the focus on the list (its keys), not on the row.
                event.preventDefault();
                box.current?.focus();
                onSelect(row.finding.id);
              }}
              style={{ ...style, cursor: 'pointer' }}
            >
              {renderFinding(row.finding, selected)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
