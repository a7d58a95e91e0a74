import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import type { NotebookWrittenView } from '../../../../shared/contract/notebook-channels.ts';
import type { MarkInProgress } from '../../../../shared/fieldwork/notebook-marks.ts';
import { sameKey } from '../../../../shared/fieldwork/notebook-structure.ts';
import { minutesOf, timeOfDay } from '../../../../shared/plan/local-time.ts';
import { sessionOrder, type PlanAuditee, type PlanSession } from '../../../../shared/plan/plan-rows.ts';

/*
 * The notebook's screen logic that needs no React: which sessions have a notebook, where an ad-hoc
 * session goes, what autocomplete offers, and how a write's rows join what the screen shows.
 */

/** Sessions that have a notebook: every session of the plan but breaks, in plan order, by day. */
export function notebookDays(sessions: readonly PlanSession[]): { day: string; sessions: PlanSession[] }[] {
  const days: { day: string; sessions: PlanSession[] }[] = [];
  for (const session of [...sessions].filter((candidate) => candidate.kind !== 'break').sort(sessionOrder)) {
    const last = days.at(-1);
    if (last?.day === session.day) last.sessions.push(session);
    else days.push({ day: session.day, sessions: [session] });
  }
  return days;
}

const parts = (ms: number, timeZone: string): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );

/** The calendar day and the local time (HH:MM) of an instant in a time zone. */
export function localNow(ms: number, timeZone: string): { day: string; time: string } {
  const p = parts(ms, timeZone);
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export interface AdHocDefaults {
  readonly day: string;
  readonly start: string;
  readonly end: string;
  /** The days offered: the audit's days (engagement dates and the plan's days) and today, in order. */
  readonly days: string[];
}

/**
 * Where an ad-hoc session goes: today when today is an audit day (from now, rounded down to 5 minutes);
 * otherwise the audit's current day — the day of the session being looked at, else the audit's first
 * day — after that day's last session. One hour, within the day.
 */
export function adHocDefaults(input: {
  readonly now: number;
  readonly timeZone: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly sessions: readonly PlanSession[];
  readonly selectedDay: string | null;
}): AdHocDefaults {
  const today = localNow(input.now, input.timeZone);
  const auditDays = new Set(input.sessions.map((session) => session.day));
  for (let day = input.startDate; day && day <= input.endDate && auditDays.size < 400; day = nextDay(day)) auditDays.add(day);
  const isAuditDay = auditDays.has(today.day);
  const day = isAuditDay ? today.day : (input.selectedDay ?? ([...auditDays].sort()[0] ?? today.day));
  let start: number;
  if (day === today.day) {
    const now = minutesOf(today.time) ?? 9 * 60;
    start = now - (now % 5);
  } else {
    const ends = input.sessions.filter((session) => session.day === day).map((session) => minutesOf(session.end_time) ?? 0);
    start = Math.max(9 * 60, ...ends);
  }
  start = Math.min(start, 22 * 60 + 59);
  const end = Math.min(start + 60, 23 * 60 + 59);
  return { day, start: timeOfDay(start), end: timeOfDay(end), days: [...new Set([...auditDays, today.day])].sort() };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '9999-12-31';
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** One line of the autocomplete: what it shows, and the mark it puts in the text. */
export interface Suggestion {
  readonly key: string;
  readonly label: string;
  readonly detail: string;
  readonly insert: string;
  /** A planned auditee of this session not yet met (shown first, marked "expected"). */
  readonly expected?: boolean;
}

export interface SuggestionSources {
  readonly records: FieldworkRecordsView | null;
  readonly auditees: readonly PlanAuditee[];
  readonly sessionId: string | null;
  readonly pack: ChecklistPack | null;
  readonly language: string;
  /** Where a #record of the entry goes (its topic, else the session's first); null = none. */
  readonly recordTopic: string | null;
}

const LIMIT = 8;

const matches = (text: string, prefix: string): number => {
  if (prefix === '') return 1;
  const value = sameKey(text);
  const wanted = sameKey(prefix);
  if (value.startsWith(wanted)) return 2;
  return value.split(/[\s\-_./]+/u).some((word) => word.startsWith(wanted)) ? 1 : value.includes(wanted) ? 0.5 : 0;
};

/**
 * What autocomplete offers for the mark being typed: after @ the people known (people met, the plan's
 * auditees — this session's first), after [[ the evidence titles, after § the pack's clauses (number
 * and title), after # the records already seen for the entry's topic. Best matches first, at most 8.
 */
export function suggestionsFor(mark: MarkInProgress, sources: SuggestionSources): Suggestion[] {
  const ranked: { score: number; order: number; suggestion: Suggestion }[] = [];
  const offer = (score: number, suggestion: Suggestion) => {
    if (score > 0) ranked.push({ score, order: ranked.length, suggestion });
  };
  switch (mark.kind) {
    case 'person': {
      const seen = new Set<string>();
      const person = (name: string, role: string, expected: boolean) => {
        const key = sameKey(name);
        if (seen.has(key)) return;
        seen.add(key);
        const score = matches(name, mark.prefix);
        offer(score > 0 && expected ? score + 0.25 : score, { key: `person:${key}`, label: name, detail: role, insert: role ? `@${name}, ${role}` : `@${name}`, expected });
      };
      const met = new Set((sources.records?.session_person ?? []).filter((link) => link.session_id === sources.sessionId).map((link) => link.person_id));
      const people = sources.records?.person ?? [];
      const roleOf = new Map(people.map((row) => [sameKey(row.name), row.role]));
      for (const auditee of sources.auditees.filter((row) => row.session_id === sources.sessionId)) {
        const metAlready = people.some((row) => met.has(row.id) && sameKey(row.name) === sameKey(auditee.name));
        person(auditee.name, roleOf.get(sameKey(auditee.name)) || auditee.role, !metAlready);
      }
      for (const row of people) person(row.name, row.role, false);
      for (const auditee of sources.auditees) person(auditee.name, auditee.role, false);
      break;
    }
    case 'document':
      for (const item of sources.records?.evidence_item ?? []) {
        offer(matches(item.title, mark.prefix), { key: `document:${item.id}`, label: item.title, detail: item.version, insert: `[[${item.title}]]` });
      }
      break;
    case 'clause':
      for (const clause of sources.pack?.clauses ?? []) {
        if (!clause.number.startsWith(mark.prefix)) continue;
        const title = textIn(clause.title, sources.language, sources.pack!.defaultLanguage);
        offer(clause.number === mark.prefix ? 3 : 1, { key: `clause:${clause.number}`, label: clause.number, detail: title, insert: `§${clause.number}` });
      }
      break;
    case 'record':
      if (sources.recordTopic === null) break;
      for (const record of sources.records?.record_seen ?? []) {
        if (record.topic !== sources.recordTopic) continue;
        offer(matches(record.record_ref, mark.prefix), { key: `record:${record.id}`, label: record.record_ref, detail: record.note, insert: `#${record.record_ref}` });
      }
      break;
  }
  return ranked
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, LIMIT)
    .map((item) => item.suggestion);
}

/** The text with the mark being typed (from its sigil to the caret) replaced by a pick, and the caret after it. */
export function applySuggestion(text: string, caret: number, mark: MarkInProgress, insert: string): { text: string; caret: number } {
  const after = text.slice(caret);
  // A space after a record, document or clause so typing goes on; a person's mark runs on over spaces anyway.
  const spacer = /^\s/u.test(after) || insert.startsWith('@') ? '' : ' ';
  const next = `${text.slice(0, mark.start)}${insert}${spacer}${after}`;
  return { text: next, caret: mark.start + insert.length + spacer.length };
}

/** The list with each row replaced by (or added as) its stored version; a row stored as deleted leaves it. */
const upsert = <T extends { readonly id: string; readonly deleted: number }>(list: readonly T[], rows: readonly T[]): T[] => {
  const byId = new Map<string, T | null>(list.map((row) => [row.id, row]));
  for (const row of rows) byId.set(row.id, row.deleted === 1 ? null : row);
  return [...byId.values()].filter((row): row is T => row !== null);
};

/** What the screen shows after a notebook write: the entry and every row its marks made or reached, as stored. */
export function withWritten(records: FieldworkRecordsView, written: NotebookWrittenView): FieldworkRecordsView {
  return {
    ...records,
    notebook_entry: upsert(records.notebook_entry, [written.entry]),
    person: upsert(records.person, written.people),
    session_person: upsert(records.session_person, written.sessionPeople),
    record_seen: upsert(records.record_seen, written.records),
    evidence_item: upsert(records.evidence_item, written.evidence),
  };
}
