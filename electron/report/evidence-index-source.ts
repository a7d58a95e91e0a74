import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import { evidenceUses, notebookDocumentTitles } from '../../shared/fieldwork/evidence-uses.ts';
import { evidenceIndex, type EvidenceIndex } from '../../shared/report/evidence-index.ts';
import { EVIDENCE_FILE_TABLE } from '../../shared/tables/evidence-file-tables.ts';
import { CHECKLIST_ANSWER_TABLE } from '../../shared/tables/fieldwork-tables.ts';
import { ANSWER_EVIDENCE_TABLE, DOCUMENT_REVIEW_TABLE, EVIDENCE_ITEM_TABLE, NOTEBOOK_ENTRY_TABLE, RECORD_SEEN_TABLE } from '../../shared/tables/fieldwork-records-tables.ts';
import { FINDING_EVIDENCE_TABLE } from '../../shared/tables/finding-tables.ts';
import type { TableDecl } from '../../shared/tables/table.ts';
import { findingBriefs } from '../findings/worker.ts';
import { currentPack } from '../packs/worker.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { typedRows } from '../store/typed-rows.ts';

/**
 * The evidence index of the technical-review package, read in the engagement worker: the live
 * references and files, and where each reference is used — the same uses the Evidence tab shows
 * (`evidenceUses`: answers by their clause, notebook marks, records seen, document reviews), plus the
 * findings citing it by number.
 */
export function readEvidenceIndex(engagement: EngagementContext): EvidenceIndex {
  const store = engagement.store();
  const rows = <D extends TableDecl>(table: D) => typedRows(table, store.listRows(table.name));
  const packRow = currentPack(engagement.db());
  const pack = packRow ? (JSON.parse(packRow.content) as ChecklistPack) : null;
  const clauseOf = new Map<string, string>();
  for (const clause of pack?.clauses ?? []) for (const question of clause.questions ?? []) clauseOf.set(question.id, clause.number);

  const items = rows(EVIDENCE_ITEM_TABLE);
  const labels = new Map(findingBriefs(engagement.db()).map((finding) => [finding.id, finding.label]));
  const uses = evidenceUses({
    items,
    answerLinks: rows(ANSWER_EVIDENCE_TABLE),
    answers: rows(CHECKLIST_ANSWER_TABLE),
    clauseOfQuestion: (id) => clauseOf.get(id) ?? null,
    notebook: notebookDocumentTitles(rows(NOTEBOOK_ENTRY_TABLE)),
    records: rows(RECORD_SEEN_TABLE),
    reviews: rows(DOCUMENT_REVIEW_TABLE),
  });
  return evidenceIndex({
    items,
    files: rows(EVIDENCE_FILE_TABLE),
    uses,
    findingLinks: rows(FINDING_EVIDENCE_TABLE).flatMap((link) => {
      const finding = labels.get(link.finding_id);
      return finding ? [{ evidenceId: link.evidence_id, finding }] : [];
    }),
  });
}
