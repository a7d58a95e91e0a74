import type { ChecklistPack } from '../checklist/pack.ts';
import { textIn } from '../checklist/pack.ts';

/** A process or clause as auditors name it: "8.5.1 Change management", "9.2 Internal audit" (in `language`). */
export function topicLabel(kind: 'process' | 'clause', key: string, pack: ChecklistPack | null, language: string): string {
  if (!pack) return key;
  const clauseId = kind === 'process' ? pack.processes.find((process) => process.key === key)?.clause : pack.clauses.find((clause) => clause.number === key)?.id;
  const clause = pack.clauses.find((candidate) => candidate.id === clauseId);
  return clause ? `${clause.number} ${textIn(clause.title, language, pack.defaultLanguage)}` : key;
}
