import { textIn, type ChecklistClause, type ChecklistPack } from '../checklist/pack.ts';
import { parseEntry } from '../fieldwork/notebook-marks.ts';
import { textLanguagesFor } from '../languages.ts';

/**
 * What a finding raised from an answer, a notebook entry or a record seen starts with (issue 17):
 * the pure part of filling it in. The worker (electron/findings/raise-finding.ts) reads the rows and
 * writes the finding and its links in one transaction.
 */

/** The pack clause a checklist question belongs to (questions live under their clause). */
export function clauseOfQuestion(pack: ChecklistPack, questionId: string): ChecklistClause | null {
  return pack.clauses.find((clause) => clause.questions?.some((question) => question.id === questionId)) ?? null;
}

/** The pack clause with that number. */
export function clauseByNumber(pack: ChecklistPack, number: string): ChecklistClause | null {
  return pack.clauses.find((clause) => clause.number === number) ?? null;
}

/** The pack clause holding a sampling plan with that attribute (a record's attribute rows name it by id). */
export function clauseOfAttribute(pack: ChecklistPack, attributeId: string, language: string): { clause: ChecklistClause; text: string } | null {
  for (const clause of pack.clauses) {
    for (const plan of clause.sampling ?? []) {
      const attribute = plan.attributes.find((candidate) => candidate.id === attributeId);
      if (attribute) return { clause, text: textIn(attribute.text, language || pack.defaultLanguage, pack.defaultLanguage) };
    }
  }
  return null;
}

/** Whether a topic is one of the pack's processes (a finding's `process`); clause groups ('4'…'10') are not. */
export function isPackProcess(pack: ChecklistPack | null, topic: string): boolean {
  return pack !== null && pack.processes.some((process) => process.key === topic);
}

/**
 * The requirement part, prefilled: the standard's clause and what the pack says it requires, in the
 * audit language (else the pack's). The pack words a clause in its author's own words, so this is
 * where the auditor starts quoting the specific "shall" breached, not the final text. '' when the
 * pack does not describe the clause.
 */
export function requirementText(pack: ChecklistPack, clause: ChecklistClause, language: string): string {
  const summary = textIn(clause.summary, language || pack.defaultLanguage, pack.defaultLanguage).trim();
  if (summary === '') return '';
  const title = textIn(clause.title, language || pack.defaultLanguage, pack.defaultLanguage).trim();
  const standard = pack.standard.criteria.trim() || `${pack.standard.designation}:${pack.standard.edition}`;
  // Chinese punctuation only around a Chinese summary (a pack in English only gives English text).
  const wanted = language || pack.defaultLanguage;
  const chinese = wanted.toLowerCase().startsWith('zh') && textLanguagesFor(wanted).some((tag) => clause.summary?.[tag] !== undefined);
  return chinese ? `${standard} ${clause.number}「${title}」：${summary}` : `${standard}, ${clause.number} ${title}: ${summary}`;
}

/**
 * A notebook entry as plain text for the evidence part: marks become what they name (`@Jane Smith,
 * Change manager` → "Jane Smith, Change manager" as typed, `#CHG-1` → "CHG-1", `[[Policy v3]]` → "Policy v3"),
 * clause marks keep their § ("§8.5.1"); the rest is kept exactly.
 */
export function entryPlainText(body: string): string {
  return parseEntry(body)
    .map((segment) => {
      switch (segment.kind) {
        case 'text':
          return segment.text;
        case 'person':
          // As typed, without the @ (a full-width comma before the role stays one).
          return segment.raw.slice(1);
        case 'record':
          return segment.id;
        case 'document':
          return segment.title;
        case 'clause':
          return `§${segment.number}`;
      }
    })
    .join('');
}

/** A record seen as the evidence part says it: the record, the auditor's note, and each attribute it failed (with its note). */
export function recordEvidenceText(
  recordRef: string,
  note: string,
  failed: readonly { readonly text: string; readonly note: string }[],
  language: string,
): string {
  const chinese = language.toLowerCase().startsWith('zh');
  const head = chinese ? `记录 ${recordRef}${note.trim() ? `：${note.trim()}` : ''}` : `Record ${recordRef}${note.trim() ? `: ${note.trim()}` : ''}`;
  const lines = failed.map((attribute) => {
    const extra = attribute.note.trim();
    return chinese ? `- 未满足：${attribute.text}${extra ? `（${extra}）` : ''}` : `- Not met: ${attribute.text}${extra ? ` (${extra})` : ''}`;
  });
  return [head, ...lines].join('\n');
}

/**
 * The first line of a finding raised from a tested sample: which population, how many records were
 * tested and how many deviated (each deviating record follows as recordEvidenceText).
 */
export function sampleEvidenceLead(
  sample: { readonly populationName: string; readonly sourceName: string; readonly rowCount: number; readonly tested: number; readonly deviations: number },
  language: string,
): string {
  const chinese = language.toLowerCase().startsWith('zh');
  const source = sample.sourceName ? (chinese ? `（${sample.sourceName}）` : ` (${sample.sourceName})`) : '';
  return chinese
    ? `从${sample.populationName}${source}共 ${sample.rowCount} 条记录中抽取并检查了 ${sample.tested} 条，其中 ${sample.deviations} 条存在偏差：`
    : `Of ${sample.tested} records sampled and tested from ${sample.populationName}${source}, ${sample.rowCount} records in all, ${sample.deviations} deviated:`;
}
