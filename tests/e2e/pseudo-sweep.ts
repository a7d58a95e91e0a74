import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en/index.ts';
import { pseudoLocalize as pseudo } from '../../renderer/src/i18n/pseudo.ts';

/** What the sweep found on one screen: text not from the language files, and clipped or overlapping labels. */
export interface SweepFindings {
  readonly untranslated: string[];
  readonly clipped: string[];
  readonly overlapping: string[];
}

/**
 * Looks at every visible text on the page under the pseudo-locale. Text from the language files is
 * wrapped in ⟦ ⟧; Latin words outside the brackets come from somewhere else (a hard-coded string),
 * unless they sit in content the user or a checklist pack wrote — marked translate="no", as HTML
 * defines — or are a keyboard key (kbd). Dates, times and sizes come from Intl and are let through.
 * A label is clipped when its box is narrower or lower than its text; two labels overlap when their
 * text boxes intersect. When a dialog is open only the dialog is looked at.
 */
export function sweep(page: Page): Promise<SweepFindings> {
  return page.evaluate(() => {
    const untranslated: string[] = [];
    const clipped = new Set<string>();
    const overlapping: string[] = [];
    const dialog = [...document.querySelectorAll('[role="dialog"]')].at(-1);
    const root = dialog ?? document.body;
    const skip = 'script, style, noscript, kbd, [translate="no"], [aria-hidden="true"], .mantine-Tooltip-tooltip';
    const intl = /\b\d{1,2}\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\b\d+(\.\d+)?\s?(B|kB|MB|GB)\b/g;
    const stripPseudo = (text: string): string => {
      let out = text;
      // Pseudo strings nest when one interpolates another: strip innermost first.
      for (let guard = 0; guard < 10 && /⟦[^⟦⟧]*⟧/.test(out); guard++) out = out.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      return out;
    };
    const boxes: { node: number; text: string; rect: DOMRect }[] = [];
    let nodeIndex = 0;
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
    // Scrolled out of a scrolling box (a windowed list keeps rows above and below its view in the
    // page): the user does not see it. A line counts when its middle is inside the box. Only boxes
    // that scroll: a label that hides its overflow is what the clipped check below is for.
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
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
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest(skip)) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      const outside = stripPseudo(text).replace(intl, ' ');
      if (/[A-Za-z]{2,}/.test(outside)) untranslated.push(text.slice(0, 120));
      if (!text.includes('⟦')) continue;
      // One box per line: wrapped text in a paragraph is several boxes, not their union.
      const lines = [...range.getClientRects()].filter((line) => line.width >= 1 && line.height >= 1 && !scrolledAway(parent, line));
      if (!lines.length) continue;
      if (!lines.some((line) => onTop(parent, line))) {
        // Covered: by the page's chrome or a modal's overlay (fine), or by another label (an overlap).
        const line = lines[0]!;
        const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
        // Scrolled under the fixed header or status bar: the page's chrome, not an overlap.
        if (hit && pinned(hit) !== pinned(parent)) continue;
        const label = hit ? [...hit.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').includes('⟦')) : undefined;
        if (label) overlapping.push(`${text.slice(0, 60)} ⟷ ${(label.textContent ?? '').trim().slice(0, 60)}`);
        continue;
      }
      nodeIndex++;
      for (const line of lines) if (onTop(parent, line)) boxes.push({ node: nodeIndex, text, rect: line });
      // Clipped: an ancestor that hides overflow is smaller than the text it shows.
      for (let box: HTMLElement | null = parent; box && box !== root; box = box.parentElement) {
        const style = getComputedStyle(box);
        const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
        if (!hides || box.scrollWidth === 0) continue;
        if (box.scrollWidth > box.clientWidth + 1 || (style.overflowY === 'hidden' && box.scrollHeight > box.clientHeight + 2)) {
          clipped.add(text.slice(0, 120));
        }
        break;
      }
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
    return { untranslated, clipped: [...clipped], overlapping };
  });
}

/**
 * First run under the pseudo-locale with the given user, then the demo engagement opened: where every
 * pseudo-locale sweep of a fieldwork screen starts. The caller sets the pseudo-locale (addInitScript) first.
 */
export async function openDemoPseudo(page: Page, url: string, name: string, initials: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(pseudo(en.firstRun.name)).fill(name);
  await page.getByLabel(pseudo(en.firstRun.initials)).fill(initials);
  await page.getByRole('button', { name: pseudo(en.firstRun.submit) }).click();
  await page.getByRole('button', { name: pseudo(en.home.demo) }).click();
  await page.getByTestId('engagement-title').waitFor();
}
