import { fillText } from '../documents/fixed-text.ts';
import { formatDate, formatDateRange } from '../documents/format.ts';
import type { DocumentLanguage } from '../documents/plan-input.ts';
import type { EVIDENCE_ITEM_TABLE, RECORD_QUERY_TABLE } from '../tables/fieldwork-records-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { REPORT_LABELS } from './report-labels.ts';

/** How the report words what the team recorded: evidence references, periods, populations shown on screen. Pure. */

/** A whole number with thousands grouped ("1,245"), the same in both languages. */
export function groupedNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A version as documents name it: a number ("3.2", "v3.2", "V2"), not a description ("export of 7 Dec 2026"). */
const VERSION_NUMBER = /^v?\d+(\.\d+)*[a-z]?$/i;

/**
 * An evidence reference as a report cites it: "Incident management procedure v3.2 (12 Mar 2026)",
 * "SLA register (status Active), view of 7 Dec 2026". A bare number gets its "v" ("3.2" → "v3.2"); the
 * version is left out when the title already carries it ("SMS manual v4.1" with version "v4.1"), and
 * the date when the reference already says it.
 */
export function evidenceReference(item: Pick<RowOf<typeof EVIDENCE_ITEM_TABLE>, 'title' | 'version' | 'evidence_date'>, language: DocumentLanguage): string {
  const labels = REPORT_LABELS[language];
  const title = item.title.trim();
  const version = item.version.trim();
  // A reference the team typed in Latin script is joined the Latin way, even in a Chinese report ("Risk register, export of 7 Dec 2026").
  const joining = joiningFor(`${title}${version}`, language);
  let named = title;
  if (version && !title.toLowerCase().includes(version.toLowerCase())) {
    named = VERSION_NUMBER.test(version)
      ? fillText(joining.evidenceVersion, { title, version: /^\d/.test(version) && version.includes('.') ? `v${version}` : version })
      : fillText(joining.evidenceDescribed, { title, version });
  }
  if (!item.evidence_date) return named;
  // The date once: not again when the reference already says it, in either language or as typed.
  const spelled = [formatDate(item.evidence_date, 'en'), formatDate(item.evidence_date, 'zh-Hans'), item.evidence_date];
  return spelled.some((date) => named.includes(date)) ? named : fillText(labels.evidenceDate, { reference: named, date: formatDate(item.evidence_date, language) });
}

/** Chinese characters and full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The labels that join what the team typed: the document's, or the Latin ones when the text has no Chinese in it. */
export const joiningFor = (typedText: string, language: DocumentLanguage) => (CJK.test(typedText) ? REPORT_LABELS[language] : REPORT_LABELS.en);

/** A period of calendar dates: "1 Dec 2025 – 30 Nov 2026", "from …", "until …", or '' when neither end is known. */
export function periodText(from: string | null, to: string | null, language: DocumentLanguage): string {
  const labels = REPORT_LABELS[language];
  if (from && to) return from <= to ? formatDateRange(from, to, language) : fillText(labels.period, { from: formatDate(from, language), to: formatDate(to, language) });
  if (from) return fillText(labels.periodFrom, { from: formatDate(from, language) });
  if (to) return fillText(labels.periodTo, { to: formatDate(to, language) });
  return '';
}

/** The period the records sampled cover: the earliest start and the latest end of the populations shown on screen. */
export function sampledPeriod(queries: readonly Pick<RowOf<typeof RECORD_QUERY_TABLE>, 'period_from' | 'period_to'>[], language: DocumentLanguage): string {
  let from: string | null = null;
  let to: string | null = null;
  for (const query of queries) {
    if (query.period_from && (from === null || query.period_from < from)) from = query.period_from;
    if (query.period_to && (to === null || query.period_to > to)) to = query.period_to;
  }
  return periodText(from, to, language);
}

/** A phrase the team typed as a sentence, continued mid-sentence: "Three by judgment" → "three by judgment" (never an acronym: "SLA breaches" stays). */
const midSentence = (text: string): string => (/^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text);

/**
 * A population the auditee ran on screen: "SLA register in ServiceNow, filter: status = Active — 14
 * records, 1 Dec 2025 – 30 Nov 2026, three by judgment". '' when nothing was written of it.
 */
export function queryText(query: Pick<RowOf<typeof RECORD_QUERY_TABLE>, 'query' | 'population_count' | 'period_from' | 'period_to' | 'selection'>, language: DocumentLanguage): string {
  const labels = REPORT_LABELS[language];
  const details = [
    query.population_count === null ? '' : fillText(labels.queryRecords, { count: groupedNumber(query.population_count) }),
    periodText(query.period_from, query.period_to, language),
    midSentence(query.selection.trim()),
  ].filter(Boolean);
  const text = query.query.trim();
  if (!details.length) return text;
  const joined = details.join(labels.detailSeparator);
  return text ? fillText(labels.query, { query: text, details: joined }) : joined;
}
