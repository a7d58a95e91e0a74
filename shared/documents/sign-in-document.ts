/**
 * The sign-in sheet (签到表) of an opening or closing meeting: one A4 page to print, pass round and
 * sign on paper — the engagement, the meeting, and a numbered row for everyone expected plus free
 * rows, with room to sign and the time. A pure function of `SignInSheetInput`.
 */
import { isIanaTimeZone } from '../time.ts';
import { FIXED_TEXTS, fixedText } from './fixed-text.ts';
import { formatDateWithWeekday, formatInstant, pageNumberParts } from './format.ts';
import { cell, contentWidthMm, line, paragraph, resolveWidthsMm, run, title, type Block, type DocumentModel, type Inline, type KeyValueBlock, type TableBlock, type TableRow, type Width } from './model.ts';
import type { SignInAttendee, SignInSheetInput } from './sign-in-input.ts';

const PAGE = { size: 'A4', orientation: 'portrait', marginsMm: { top: 27, right: 16, bottom: 19, left: 16 } } as const;
/** The attendee table's columns: number, name, role, organization, signature, time. */
const WIDTHS: readonly Width[] = [{ mm: 11 }, { fraction: 0.24 }, { fraction: 0.22 }, { fraction: 0.28 }, { fraction: 0.26 }, { mm: 20 }];

/**
 * How many lines an attendee's row takes, estimated from the text and the column widths (a Han
 * character is one em wide, a Latin one a little over half, with room for breaking at words): a row
 * is at least two lines high, for the signature. The sheet's free rows are sized from this, so that
 * a sheet with long job titles still prints on one page.
 */
export function attendeeRowLines(attendee: SignInAttendee): number {
  const [, name, role, organization] = resolveWidthsMm(WIDTHS, contentWidthMm(PAGE)).map((mm) => mm - 2 * THEME_CELL_PADDING_MM);
  const emMm = (THEME_TABLE_PT * 25.4) / 72;
  const lines = (text: string, widthMm: number, bold = false): number => {
    const width = [...text.trim()].reduce((sum, char) => sum + (WIDE.test(char) ? 1 : bold ? 0.6 : 0.55), 0) * emMm * 1.15;
    return Math.max(1, Math.ceil(width / widthMm!));
  };
  return Math.max(2, lines(attendee.name, name!, true), lines(attendee.role, role!), lines(attendee.organization, organization!));
}

/** Han, kana, Hangul and full-width forms: one em wide. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** The table's font size and cell padding (the renderers' theme, electron/documents/theme.ts). */
const THEME_TABLE_PT = 8.5;
const THEME_CELL_PADDING_MM = 1.6;

/**
 * Room to sign: the signature cell holds two empty lines (a no-break space each, so neither Word nor
 * the PDF collapses them), which makes every row about 9 mm high — enough for a signature by hand.
 */
const SIGNING_ROOM: readonly Inline[] = [line('\u00a0'), line('\u00a0')];

export function signInSheetDocument(input: SignInSheetInput): DocumentModel {
  const language = input.document.language;
  const t = fixedText(language);
  const timeZone = isIanaTimeZone(input.audit.timeZone) ? input.audit.timeZone : 'UTC';
  const blocks: Block[] = [
    title(t('signIn.title'), t('signIn.subtitle', { meeting: input.meeting.title, client: input.client.name })),
    details(input),
    paragraph(t('signIn.intro')),
    attendeeTable(input),
    paragraph(t('signIn.note'), { tone: 'note' }),
  ];
  return {
    identity: {
      kind: 'sign-in-sheet',
      title: t('signIn.title'),
      reference: input.document.reference,
      revision: input.document.revision,
      issuedAt: input.document.issuedAt,
      issuedBy: input.document.issuedBy,
      language,
    },
    branding: { bodyName: input.certificationBody.name, logoDataUrl: input.certificationBody.logoDataUrl },
    page: PAGE,
    running: {
      headerRight: [t('signIn.title'), input.meeting.title, input.document.reference].join('  |  '),
      footerLeft: `${t('engine.issued', { date: formatInstant(input.document.issuedAt, timeZone, language), name: input.document.issuedBy })}  |  ${t('engine.revision', { revision: input.document.revision })}`,
      pageNumber: pageNumberParts(FIXED_TEXTS[language]['engine.pageNumber']),
    },
    blocks,
  };
}

function details(input: SignInSheetInput): KeyValueBlock {
  const language = input.document.language;
  const t = fixedText(language);
  const { meeting } = input;
  const place = meeting.remoteTool !== null ? (meeting.remoteTool.trim() ? t('signIn.remote', { tool: meeting.remoteTool.trim() }) : t('signIn.remoteNoTool')) : (meeting.place ?? t('engine.none'));
  const rows: [string, readonly Inline[]][] = [
    [t('signIn.client'), [[run(input.client.name, { bold: true })], ...(input.client.address.trim() ? [line(input.client.address.trim().replace(/\s*\r?\n\s*/g, ', '))] : [])]],
    [t('signIn.audit'), [line(t('signIn.auditValue', { auditType: input.audit.typeLabel, standard: input.audit.standard }))]],
    [t('signIn.meeting'), [[run(meeting.title, { bold: true })]]],
    [t('signIn.date'), [line(t('signIn.dateValue', { date: formatDateWithWeekday(meeting.day, language), start: meeting.start, end: meeting.end, timeZone: input.audit.timeZone }))]],
    [t('signIn.place'), [line(place)]],
  ];
  return { kind: 'keyValue', keyWidth: { fraction: 0.22 }, rows: rows.map(([key, value]) => ({ key, value })) };
}

function attendeeTable(input: SignInSheetInput): TableBlock {
  const t = fixedText(input.document.language);
  const printed: TableRow[] = input.attendees.map((attendee, index) => ({
    cells: [
      cell(String(index + 1)),
      cell([[run(attendee.name, { bold: true })]]),
      cell(attendee.role.trim() ? attendee.role : '\u00a0'),
      cell(attendee.organization.trim() ? attendee.organization : '\u00a0'),
      attendee.remote ? cell([[run(t('signIn.attendedRemotely'), { italic: true })], line('\u00a0')]) : cell(SIGNING_ROOM),
      cell('\u00a0'),
    ],
  }));
  const blank: TableRow[] = Array.from({ length: input.blankRows }, (_, index) => ({
    cells: [cell(String(input.attendees.length + index + 1)), cell('\u00a0'), cell('\u00a0'), cell('\u00a0'), cell(SIGNING_ROOM), cell('\u00a0')],
  }));
  return {
    kind: 'table',
    columns: [
      { header: t('signIn.col.number'), width: WIDTHS[0]!, align: 'center' },
      { header: t('signIn.col.name'), width: WIDTHS[1]! },
      { header: t('signIn.col.role'), width: WIDTHS[2]! },
      { header: t('signIn.col.organization'), width: WIDTHS[3]! },
      { header: t('signIn.col.signature'), width: WIDTHS[4]! },
      { header: t('signIn.col.time'), width: WIDTHS[5]! },
    ],
    rows: [...printed, ...blank],
  };
}
