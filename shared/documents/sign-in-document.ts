/**
 * The sign-in sheet (签到表) of an opening or closing meeting: one A4 page to print, pass round and
 * sign on paper — the engagement, the meeting, and a numbered row for everyone expected plus free
 * rows, with room to sign and the time. A pure function of `SignInSheetInput`.
 */
import { isIanaTimeZone } from '../time.ts';
import { FIXED_TEXTS, fixedText } from './fixed-text.ts';
import { formatDateWithWeekday, formatInstant, pageNumberParts } from './format.ts';
import { cell, line, paragraph, run, title, type Block, type DocumentModel, type Inline, type KeyValueBlock, type TableBlock, type TableRow } from './model.ts';
import type { SignInSheetInput } from './sign-in-input.ts';

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
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 27, right: 16, bottom: 19, left: 16 } },
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
      { header: t('signIn.col.number'), width: { mm: 11 }, align: 'center' },
      { header: t('signIn.col.name'), width: { fraction: 0.24 } },
      { header: t('signIn.col.role'), width: { fraction: 0.22 } },
      { header: t('signIn.col.organization'), width: { fraction: 0.28 } },
      { header: t('signIn.col.signature'), width: { fraction: 0.26 } },
      { header: t('signIn.col.time'), width: { mm: 20 } },
    ],
    rows: [...printed, ...blank],
  };
}
