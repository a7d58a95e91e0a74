import type { ChecklistPack } from '../checklist/pack.ts';
import { parseEntry } from './notebook-marks.ts';

/**
 * Which process or clause group a notebook entry is about (issue 15): the session notebook's entries
 * feed the draft narrative of each topic's conclusion. A topic is what conclusions, records seen and
 * entries are keyed by everywhere: a pack process key ('change') or a top-level clause number ('4'–'10';
 * '8' holds the clause-8 requirements no process covers, as `checklistUnits` groups them). Pure.
 */

/** What topics are read from in a pack: its processes and clause numbers. */
export type TopicPack = Pick<ChecklistPack, 'processes' | 'clauses'>;

/** The part of a notebook_entry row the topic rules read. */
export interface TopicEntry {
  readonly id: string;
  readonly session_id: string | null;
  /** The topic the auditor chose for the entry; '' = the session's own topics. */
  readonly topic: string;
  readonly body: string;
  readonly written_at: string;
}

/** The part of a plan_session_topic row the topic rules read. */
export interface TopicSessionLink {
  readonly session_id: string;
  readonly kind: 'process' | 'clause';
  /** The pack's process key (kind process) or a clause number of any depth (kind clause). */
  readonly topic: string;
}

const top = (number: string): string => number.split('.')[0]!;

const processNumbers = new WeakMap<TopicPack, { key: string; number: string }[]>();

function processesOf(pack: TopicPack): { key: string; number: string }[] {
  let found = processNumbers.get(pack);
  if (!found) {
    const numberOf = new Map(pack.clauses.map((clause) => [clause.id, clause.number]));
    found = pack.processes.map((process) => ({ key: process.key, number: numberOf.get(process.clause) ?? process.clause }));
    processNumbers.set(pack, found);
  }
  return found;
}

/**
 * The topic a clause number belongs to: the pack process whose clause it is or lies under
 * (8.5.1 and 8.5.1.2 → 'change'), else its top-level clause ('4.1' → '4', '8.1' → '8', '9' → '9').
 * Without a pack, the top-level clause. The same grouping as `checklistUnits`.
 */
export function topicOfClause(pack: TopicPack | null, number: string): string {
  if (pack) {
    const process = processesOf(pack).find((candidate) => number === candidate.number || number.startsWith(`${candidate.number}.`));
    if (process) return process.key;
  }
  return top(number);
}

/** The topic a plan_session_topic link stands for: a process as is, a clause through `topicOfClause`. */
export function linkTopic(pack: TopicPack | null, link: Pick<TopicSessionLink, 'kind' | 'topic'>): string {
  return link.kind === 'process' ? link.topic : topicOfClause(pack, link.topic);
}

/**
 * The topics a session covers, each once, in the order of its links as given (rows as the file lists
 * them: by id, the order they were added), process links first, then clause links.
 */
export function sessionTopics(sessionId: string, links: readonly TopicSessionLink[], pack: TopicPack | null): string[] {
  const own = links.filter((link) => link.session_id === sessionId);
  const ordered = [...own.filter((link) => link.kind === 'process'), ...own.filter((link) => link.kind === 'clause')];
  return [...new Set(ordered.map((link) => linkTopic(pack, link)))];
}

/**
 * The topic an entry's records and default selection go under: the entry's own topic, else the
 * session's first process topic, else its first clause topic (as its group); null when the session
 * covers nothing (a record marked there cannot be filed under a process).
 */
export function entryDefaultTopic(entryTopic: string, sessionId: string | null, links: readonly TopicSessionLink[], pack: TopicPack | null): string | null {
  if (entryTopic !== '') return entryTopic;
  if (sessionId === null) return null;
  return sessionTopics(sessionId, links, pack)[0] ?? null;
}

/** The clause numbers an entry's §marks name, each once, in order. */
export function entryClauses(body: string): string[] {
  const numbers: string[] = [];
  for (const segment of parseEntry(body)) if (segment.kind === 'clause' && !numbers.includes(segment.number)) numbers.push(segment.number);
  return numbers;
}

/**
 * Every topic an entry is linked to: its own topic (or, when it has none, every topic its session
 * covers), plus the topic of each clause its §marks name.
 */
export function entryTopics(entry: TopicEntry, links: readonly TopicSessionLink[], pack: TopicPack | null): Set<string> {
  const topics = new Set<string>();
  if (entry.topic !== '') topics.add(entry.topic);
  else if (entry.session_id !== null) for (const topic of sessionTopics(entry.session_id, links, pack)) topics.add(topic);
  for (const number of entryClauses(entry.body)) topics.add(topicOfClause(pack, number));
  return topics;
}

/**
 * The notebook entries linked to `topic` (a process key or clause group), oldest first (by written_at,
 * then id): an entry is linked when its topic is `topic`; or it has no topic and its session covers
 * `topic` (a process link, or a clause link whose clause belongs to it); or a §clause mark in its body
 * names a clause that belongs to `topic` (8.5.1.2 → 'change', 4.3 → '4'). `entries` are live
 * notebook_entry rows, `links` the plan's live plan_session_topic rows, `pack` the engagement's pack
 * (null: clauses group by their top-level number only). The entries returned are the objects given.
 */
export function entriesForTopic<E extends TopicEntry>(topic: string, entries: readonly E[], links: readonly TopicSessionLink[], pack: TopicPack | null): E[] {
  const covers = new Map<string, boolean>();
  const sessionCovers = (sessionId: string): boolean => {
    let found = covers.get(sessionId);
    if (found === undefined) {
      found = links.some((link) => link.session_id === sessionId && linkTopic(pack, link) === topic);
      covers.set(sessionId, found);
    }
    return found;
  };
  const linked = entries.filter((entry) => {
    if (entry.topic === topic) return true;
    if (entry.topic === '' && entry.session_id !== null && sessionCovers(entry.session_id)) return true;
    return entryClauses(entry.body).some((number) => topicOfClause(pack, number) === topic);
  });
  return linked.sort((a, b) => a.written_at.localeCompare(b.written_at) || a.id.localeCompare(b.id));
}
