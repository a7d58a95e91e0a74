/**
 * A heading never ends a PDF page. pdfmake has no keep-with-next, and its `pageBreakBefore` callback
 * re-lays the whole document out each time it moves something (a large report: ten layouts of
 * seconds each). So each run of headings is one unbreakable stack with room under it as tall as what
 * must follow on the same page — the first row of a table with its header row, a form's first box, a
 * photo…, and at least KEEP_BELOW_HEADING_MM under the last heading — and the stack's negative bottom
 * margin gives the room back, so what follows starts right under the heading. When the stack does
 * not fit, pdfmake moves it, headings and room, to the next page. pdfmake itself measures the room
 * beforehand: one layout of only the headings and those first pieces, on a page of unlimited height,
 * with nothing drawn.
 */
import pdfmake from 'pdfmake';
import type { Content, Node, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { ptFromMm } from './theme.ts';

/** The least room under the last heading of a run, from the top of its text: itself and a few lines, or a table's header and a row or two. */
export const KEEP_BELOW_HEADING_MM = 40;

/** The room never takes more than this share of a page: a very tall first row still gets a heading before it. */
const MOST_OF_A_PAGE = 0.6;

type Margin = [number, number, number, number];

const marginOf = (node: unknown): Margin => [...((node as { margin?: Margin }).margin ?? [0, 0, 0, 0])] as Margin;

/** A run of headings kept with the start of what follows them. */
export class KeepGroup {
  /** The stack in the document. */
  readonly node: { stack: Content[]; unbreakable: true; margin: Margin };
  private readonly last: { margin: Margin };
  private readonly lastMargin: Margin;

  /**
   * `headings` and `follower` make new nodes each call (pdfmake writes its layout into the nodes it
   * lays out); `follower` gives [] when nothing beyond the floor must follow (text breaks after any
   * line). The headings keep their space above inside the stack: a heading at the top of a page has
   * it, whether it moved there or follows a page break.
   */
  constructor(
    readonly headings: () => Content[],
    readonly follower: () => Content[],
  ) {
    const nodes = headings();
    this.last = nodes.at(-1) as { margin: Margin };
    this.lastMargin = marginOf(this.last);
    this.node = { stack: nodes, unbreakable: true, margin: [0, 0, 0, 0] };
    this.setRoom(ptFromMm(KEEP_BELOW_HEADING_MM));
  }

  /** Room under the last heading, given back after the stack. */
  setRoom(pt: number): void {
    const [left, top, right, bottom] = this.lastMargin;
    this.last.margin = [left, top, right, bottom + pt];
    this.node.margin = [0, 0, 0, -pt];
  }
}

/** A point pdfmake reports the position of: an empty drawing (nothing shows, nothing takes room). */
const marker = (id: string): Content => ({ id, canvas: [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0 }] }) as Content;

/**
 * Sets each group's room from one layout of the groups' headings and followers alone, in the
 * document's default style with its pictures (pdfmake's fonts and virtual files already in place), on
 * a page as wide as the document's (`widthPt`, margins `sidesPt`) and as tall as the text needs.
 */
export async function measureKeeps(
  groups: readonly KeepGroup[],
  style: Pick<TDocumentDefinitions, 'defaultStyle' | 'images'>,
  page: { widthPt: number; sidesPt: readonly [number, number]; innerHeightPt: number },
): Promise<void> {
  if (!groups.length) return;
  const content: Content[] = [];
  const lastAbove: number[] = [];
  groups.forEach((group, index) => {
    const headings = group.headings();
    lastAbove.push(marginOf(headings.at(-1))[1]);
    const at = (name: string): Content => marker(`aw-keep-${index}-${name}`);
    content.push(at('top'), ...headings.slice(0, -1), at('last'), ...headings.slice(-1), at('under'), ...group.follower(), at('end'));
  });
  const tops = new Map<string, number>();
  await pdfmake
    .createPdf({
      defaultStyle: style.defaultStyle,
      images: style.images,
      pageSize: { width: page.widthPt, height: 'auto' },
      pageMargins: [page.sidesPt[0], 0, page.sidesPt[1], 0],
      content,
      // Only the layout is wanted, which pdfmake shows this callback node by node; no page is drawn.
      maxPagesNumber: 0,
      pageBreakBefore: (node: Node) => {
        if (typeof node.id === 'string' && node.id.startsWith('aw-keep-')) tops.set(node.id, node.startPosition.top);
        return false;
      },
    } as TDocumentDefinitions)
    .getBuffer();
  groups.forEach((group, index) => {
    const at = (name: string): number => tops.get(`aw-keep-${index}-${name}`) ?? 0;
    const headings = at('under') - at('top');
    const lastText = at('under') - at('last') - lastAbove[index]!;
    const room = Math.max(at('end') - at('under'), ptFromMm(KEEP_BELOW_HEADING_MM) - lastText, 0);
    group.setRoom(Math.min(room, Math.max(0, page.innerHeightPt * MOST_OF_A_PAGE - headings)));
  });
}
