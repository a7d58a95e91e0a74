import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** How far beyond the visible part rows are kept rendered, above and below (px). */
const OVERSCAN = 500;
/** Room kept above and below a row scrolled into view (px). */
const MARGIN = 12;

/** The first index whose row ends below `y` (offsets: prefix sums, offsets[i] = top of row i). */
function firstEndingBelow(offsets: Float64Array, count: number, y: number): number {
  let [low, high] = [0, count - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1]! > y) high = middle;
    else low = middle + 1;
  }
  return Math.max(low, 0);
}

/**
 * A windowed list: only the rows in view (and OVERSCAN around them) are in the page, between two
 * spacers. Heights start from an estimate and are measured once a row was shown (ResizeObserver), so
 * rows of any height work; the rows are in normal flow, so one that grows pushes the next down at
 * once, and the browser's scroll anchoring keeps what is in view still while estimates become
 * measurements. It fills its flex column. `focus` is scrolled into view (nearest edge) when it or `reveal` changes.
 */
export function AnswerWindow({
  count,
  rowKey,
  estimate,
  render,
  focus,
  focusFrom,
  reveal,
  testId,
}: {
  count: number;
  rowKey: (index: number) => string;
  estimate: (index: number) => number;
  render: (index: number) => ReactNode;
  focus: number;
  /** The first row to bring into view with the focused one (its headings), when they fit. */
  focusFrom: number;
  /** Changed by the caller to bring the focused row into view again (it grew). */
  reveal: number;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement | null>(null);
  const sizes = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState(() => ({ top: 0, height: Math.min(800, typeof window === 'undefined' ? 800 : window.innerHeight) }));
  const pending = useRef(true);

  const offsets = useMemo(() => {
    const tops = new Float64Array(count + 1);
    for (let index = 0; index < count; index++) tops[index + 1] = tops[index]! + (sizes.current.get(rowKey(index)) ?? estimate(index));
    return tops;
    // `measured` changes when a measurement changed what `sizes` holds.
  }, [count, rowKey, estimate, measured]);

  // Measurements: one observer for every row; a changed height redraws the spacers once per frame.
  const frame = useRef(0);
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const key = (entry.target as HTMLElement).dataset.row;
              const size = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
              if (key === undefined || !size || sizes.current.get(key) === size) continue;
              sizes.current.set(key, size);
              changed = true;
            }
            if (changed && !frame.current)
              frame.current = requestAnimationFrame(() => {
                frame.current = 0;
                setMeasured((value) => value + 1);
              });
          }),
    [],
  );
  useEffect(
    () => () => {
      observer?.disconnect();
      cancelAnimationFrame(frame.current);
    },
    [observer],
  );
  const measure = useCallback(
    (element: HTMLDivElement | null) => {
      // A block: React 19 calls what a ref callback returns as its cleanup.
      if (element) observer?.observe(element);
    },
    [observer],
  );

  // The visible part: read on scroll (once per frame) and when the container changes size.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    let scheduled = 0;
    const read = () => {
      scheduled = 0;
      // Never more than the window: until the panel has sized itself the list is as tall as all its
      // rows, and taking that height would render every row once (232 cards for a screen of 4).
      const height = Math.min(element.clientHeight, window.innerHeight);
      setView((before) => (before.top === element.scrollTop && before.height === height ? before : { top: element.scrollTop, height }));
    };
    read();
    const onScroll = () => {
      if (!scheduled) scheduled = requestAnimationFrame(read);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      cancelAnimationFrame(scheduled);
    };
  }, []);

  const total = offsets[count] ?? 0;
  const start = count ? firstEndingBelow(offsets, count, view.top - OVERSCAN) : 0;
  const end = count ? firstEndingBelow(offsets, count, view.top + view.height + OVERSCAN) : -1;
  const [from, to] = [start, end];
  const rows: ReactNode[] = [];
  for (let index = from; index <= to && index < count; index++) {
    const key = rowKey(index);
    rows.push(
      <div key={key} data-row={key} data-index={index} ref={measure} style={{ paddingBottom: 8 }}>
        {render(index)}
      </div>,
    );
  }

  // Bring the focused row into view when the focus (or the caller) asks: exactly when it is in the
  // page, by its estimated place first when it is not (the next render brings it in).
  useLayoutEffect(() => {
    pending.current = true;
  }, [focus, reveal]);
  useLayoutEffect(() => {
    const element = container.current;
    if (!pending.current || !element || focus < 0 || focus >= count) return;
    const row = element.querySelector<HTMLElement>(`[data-index="${focus}"]`);
    if (!row) {
      // Its estimated place: scrolled there, and the window moved there now (not a frame later, on the scroll event).
      const top = Math.max(offsets[focus]! - MARGIN, 0);
      element.scrollTop = top;
      setView((before) => (before.top === top ? before : { top, height: before.height }));
      return;
    }
    pending.current = false;
    const box = element.getBoundingClientRect();
    const place = row.getBoundingClientRect();
    // The headings above it too, from the first that fits with it.
    let top = place.top;
    for (let index = focusFrom; index < focus; index++) {
      const heading = element.querySelector<HTMLElement>(`[data-index="${index}"]`);
      const headingTop = heading?.getBoundingClientRect().top;
      if (headingTop !== undefined && place.bottom - headingTop < box.height - 2 * MARGIN) {
        top = headingTop;
        break;
      }
    }
    if (top < box.top + MARGIN) element.scrollTop += top - box.top - MARGIN;
    else if (place.bottom > box.bottom - MARGIN) element.scrollTop += Math.min(place.bottom - box.bottom + MARGIN, place.top - box.top - MARGIN);
  });

  return (
    <div ref={container} style={{ flex: 1, minHeight: 0, overflowY: 'auto', paddingRight: 8 }} data-testid={testId} data-rows={count} data-rendered={rows.length}>
      <div style={{ height: offsets[from] ?? 0 }} aria-hidden />
      {rows}
      <div style={{ height: Math.max(total - (offsets[Math.min(to + 1, count)] ?? total), 0) }} aria-hidden />
    </div>
  );
}
