import type { Page } from '@playwright/test';

/** What the Chinese sweep found on one screen: interface words left in Latin script, clipped, broken and overlapping labels. */
export interface ZhSweepFindings {
  readonly latin: string[];
  readonly clipped: string[];
  /** A date (2026年12月7日) or a short label (审核组) broken across two lines: 2026年12月7 / 日. */
  readonly broken: string[];
  readonly overlapping: string[];
}

/**
 * Looks at the app's chrome on the page with the interface in Chinese: navigation, headings, buttons,
 * tabs, segmented choices, labels, descriptions, placeholders, table headers, badges and empty states.
 * The demo's data is English, so the rest of the page (and anything marked translate="no", as the app
 * marks what users or packs wrote) is not read for Latin words, nor the `data` the chrome quotes (names,
 * the client); keys (kbd), file kinds and the names of standards, formats and products are let through. A label is clipped when a box that hides its
 * overflow (hidden, clip, ellipsis) is narrower or lower than its text; a date, or a label of a few
 * characters, is broken when its characters sit on two lines (Chinese breaks between any two
 * characters, so a narrow column splits 2026年12月7日 before 日); two labels overlap when their text
 * boxes intersect. When a dialog is open only the dialog is looked at. The pseudo-locale sweep
 * (pseudo-sweep.ts) is the test for text not from the language files; this one is about Chinese.
 */
export function zhSweep(page: Page, data: readonly string[] = []): Promise<ZhSweepFindings> {
  return page.evaluate((data) => {
    const latin = new Set<string>();
    const clipped = new Set<string>();
    const broken = new Set<string>();
    const overlapping: string[] = [];
    const dialog = [...document.querySelectorAll('[role="dialog"]')].at(-1);
    const root = dialog ?? document.body;
    const chrome = [
      'nav',
      'h1, h2, h3, h4, h5, h6',
      'button, [role="button"], [role="tab"], [role="radio"], [role="menuitem"]',
      'label, legend, th, [role="columnheader"]',
      '.mantine-Badge-root, .mantine-SegmentedControl-label, .mantine-InputWrapper-description, .mantine-Alert-title, .mantine-Modal-title, .mantine-NavLink-root',
      '[data-testid^="nav-"], [data-testid$="-empty"]',
    ].join(', ');
    const skip = 'script, style, noscript, kbd, [translate="no"], [aria-hidden="true"], .mantine-Tooltip-tooltip';
    // Words that stay in Latin script in a Chinese interface: standards, formats, products, keys, units.
    const allowed =
      /\b(ISO|IEC|IAF|MD\d*|Amd|SMS|SLA|ITSM|IT|CNAS|CNCA|CCAA|PDF|Word|Excel|CSV|TSV|JSON|XLSX|DOCX|ZIP|zip|pdf|docx|xlsx|csv|json|p12|pfx|pem|crt|cer|p7s|iso20k|SHA|Alt|Ctrl|Shift|Esc|Enter|Tab|Delete|PgUp|PgDn|kB|MB|GB|UTC|GMT)\b/g;
    const han = /[\u3400-\u4dbf\u4e00-\u9fff]/;
    // Latin words left once the data the interface quotes (a name in 当前回答人：…) and the allowed words are taken out.
    const latinIn = (text: string): boolean => /[A-Za-z]{2,}/.test(data.reduce((rest, words) => rest.replaceAll(words, ' '), text).replace(allowed, ' '));
    // Text scrolled under a fixed header or footer, or behind a modal's overlay, is not what the user sees.
    const pinned = (element: Element): Element | null => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const position = getComputedStyle(e).position;
        if (position === 'fixed' || position === 'sticky') return e;
      }
      return null;
    };
    const onTop = (parent: Element, rect: DOMRect): boolean => {
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return Boolean(hit && (parent.contains(hit) || hit.contains(parent)));
    };
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    // Scrolled out of a scrolling box (a windowed list keeps rows beyond its view in the page): not seen.
    const scrolledAway = (element: Element, line: DOMRect): boolean => {
      const [x, y] = [line.left + line.width / 2, line.top + line.height / 2];
      for (let e: Element | null = element.parentElement; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        const [sideways, upDown] = [scrolls(style.overflowX), scrolls(style.overflowY)];
        if (!sideways && !upDown) continue;
        const box = e.getBoundingClientRect();
        if ((upDown && (y < box.top || y > box.bottom)) || (sideways && (x < box.left || x > box.right))) return true;
      }
      return false;
    };
    const hides = (style: CSSStyleDeclaration) => ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY) || style.textOverflow === 'ellipsis';
    const boxes: { node: number; text: string; rect: DOMRect }[] = [];
    let nodeIndex = 0;
    // On how many lines a part of a text node sits (a line is a distinct top).
    const lineCount = (node: Node, start: number, end: number): number => {
      const part = document.createRange();
      part.setStart(node, start);
      part.setEnd(node, end);
      return new Set([...part.getClientRects()].filter((box) => box.width >= 1).map((box) => Math.round(box.top))).size;
    };
    const dates = /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}[–-]\d{1,2}:\d{2}/g;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest(skip)) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // Dates and times come from the interface's formatting wherever they stand (a table cell, a list).
      for (const date of (node.textContent ?? '').matchAll(dates)) {
        if (lineCount(node, date.index, date.index + date[0].length) > 1) broken.add(`${date[0]} in “${text.slice(0, 60)}”`);
      }
      const label = parent.closest(chrome);
      if (!label || !root.contains(label)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = [...range.getClientRects()].filter((line) => line.width >= 1 && line.height >= 1 && !scrolledAway(parent, line));
      if (!lines.length) continue;
      const shown = lines.some((line) => onTop(parent, line));
      if (shown && latinIn(text)) latin.add(text.slice(0, 120));
      if (!han.test(text)) continue;
      if (!shown) {
        // Covered: by the page's chrome or a modal's overlay (fine), or by another label (an overlap).
        const line = lines[0]!;
        const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
        if (!hit || pinned(hit) !== pinned(parent) || !hit.closest(chrome)) continue;
        const other = [...hit.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && han.test(child.textContent ?? ''));
        if (other) overlapping.push(`${text.slice(0, 60)} ⟷ ${(other.textContent ?? '').trim().slice(0, 60)}`);
        continue;
      }
      if (text.length <= 6 && !/\s/.test(text) && lineCount(node, 0, (node.textContent ?? '').length) > 1) broken.add(text);
      nodeIndex++;
      for (const line of lines) if (onTop(parent, line)) boxes.push({ node: nodeIndex, text, rect: line });
      // Clipped: the first box from the text up to just above its label that hides overflow is smaller than what it holds.
      for (let box: HTMLElement | null = parent; box && box !== label.parentElement?.parentElement; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (!hides(style) || box.scrollWidth === 0) continue;
        if (box.scrollWidth > box.clientWidth + 1 || (['hidden', 'clip'].includes(style.overflowY) && box.scrollHeight > box.clientHeight + 2)) clipped.add(text.slice(0, 120));
        break;
      }
    }
    // Placeholders are interface text too.
    for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (field.closest(skip) || !field.checkVisibility() || field.value) continue;
      // An example (例如：WHL) may be in any script.
      if (latinIn(field.placeholder.replace(/例如.*$/, ''))) latin.add(`placeholder: ${field.placeholder.slice(0, 100)}`);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (boxes[i]!.node === boxes[j]!.node) continue; // a text's own lines
        const a = boxes[i]!.rect;
        const b = boxes[j]!.rect;
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (width > 2 && height > 2) overlapping.push(`${boxes[i]!.text.slice(0, 60)} ⟷ ${boxes[j]!.text.slice(0, 60)}`);
      }
    }
    return { latin: [...latin], clipped: [...clipped], broken: [...broken], overlapping };
  }, data);
}
