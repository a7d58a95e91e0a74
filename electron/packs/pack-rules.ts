import type { ChecklistPack, LocalizedText } from '../../shared/checklist/pack.ts';
import type { PackIssue } from './pack-issues.ts';

/**
 * The rules a JSON Schema cannot say: ids unique, references that resolve, a tree without loops,
 * every text in the pack's default language. Run after the schema passed, so the shape is known.
 */
export function packRuleIssues(pack: ChecklistPack): PackIssue[] {
  const issues: PackIssue[] = [];
  const at = (path: string, message: string): void => {
    issues.push({ path, message });
  };

  if (!pack.languages.includes(pack.defaultLanguage)) {
    at('/defaultLanguage', `The default language "${pack.defaultLanguage}" is not listed in "languages"`);
  }
  const checkText = (path: string, text: LocalizedText | undefined): void => {
    if (!text) return;
    if (!(pack.defaultLanguage in text)) at(path, `Has no text in the pack's default language "${pack.defaultLanguage}"`);
    for (const language of Object.keys(text)) {
      if (!pack.languages.includes(language)) at(`${path}/${language}`, `Language "${language}" is not listed in the pack's "languages"`);
    }
  };
  checkText('/title', pack.title);
  checkText('/description', pack.description);

  // Ids: clauses among clauses; questions, sampling plans and attributes across the whole pack,
  // because answers and sample results are keyed by them alone.
  const clauseIndex = new Map<string, number>();
  const itemIds = new Map<string, string>();
  // A repeated id is reported on its own "id" property (the line to fix), naming the first use.
  const claim = (id: string, path: string): void => {
    const first = itemIds.get(id);
    if (first) at(`${path}/id`, `The id "${id}" is already used at ${first}`);
    else itemIds.set(id, path);
  };
  pack.clauses.forEach((clause, index) => {
    const base = `/clauses/${index}`;
    if (clauseIndex.has(clause.id)) at(`${base}/id`, `Clause id "${clause.id}" is already used by clause ${clauseIndex.get(clause.id)! + 1} of the list`);
    if (clause.parent !== null) {
      const parentIndex = clauseIndex.get(clause.parent);
      if (parentIndex === undefined) {
        const later = pack.clauses.findIndex((c) => c.id === clause.parent);
        at(
          `${base}/parent`,
          later >= 0
            ? `The parent "${clause.parent}" must come before clause "${clause.id}" in the list`
            : `The parent "${clause.parent}" of clause "${clause.id}" is not a clause of this pack`,
        );
      }
    }
    if (!clauseIndex.has(clause.id)) clauseIndex.set(clause.id, index);
    checkText(`${base}/title`, clause.title);
    checkText(`${base}/summary`, clause.summary);
    (clause.questions ?? []).forEach((question, q) => {
      const path = `${base}/questions/${q}`;
      claim(question.id, path);
      checkText(`${path}/text`, question.text);
      checkText(`${path}/guidance`, question.guidance);
      checkText(`${path}/weaknesses`, question.weaknesses);
      (question.evidence ?? []).forEach((item, e) => checkText(`${path}/evidence/${e}`, item));
    });
    (clause.sampling ?? []).forEach((plan, s) => {
      const path = `${base}/sampling/${s}`;
      claim(plan.id, path);
      checkText(`${path}/record`, plan.record);
      checkText(`${path}/hint`, plan.hint);
      plan.attributes.forEach((attribute, a) => {
        claim(attribute.id, `${path}/attributes/${a}`);
        checkText(`${path}/attributes/${a}/text`, attribute.text);
      });
    });
  });

  const processKeys = new Set<string>();
  pack.processes.forEach((process, index) => {
    if (processKeys.has(process.key)) at(`/processes/${index}/key`, `Process key "${process.key}" is listed twice`);
    processKeys.add(process.key);
    if (!clauseIndex.has(process.clause)) at(`/processes/${index}/clause`, `Process "${process.key}" names clause "${process.clause}", which is not in the pack`);
  });
  pack.clauses.forEach((clause, index) => {
    (clause.processTags ?? []).forEach((tag, t) => {
      if (!processKeys.has(tag)) at(`/clauses/${index}/processTags/${t}`, `"${tag}" is not one of the pack's process keys`);
    });
  });

  const lensIds = new Set<string>();
  (pack.lenses ?? []).forEach((lens, l) => {
    const base = `/lenses/${l}`;
    if (lensIds.has(lens.id)) at(`${base}/id`, `Lens id "${lens.id}" is used twice`);
    lensIds.add(lens.id);
    checkText(`${base}/title`, lens.title);
    checkText(`${base}/description`, lens.description);
    const ids = new Set<string>();
    lens.groups.forEach((group, g) => {
      checkText(`${base}/groups/${g}/title`, group.title);
      if (ids.has(group.id)) at(`${base}/groups/${g}/id`, `Id "${group.id}" is used twice in lens "${lens.id}"`);
      ids.add(group.id);
      group.items.forEach((item, i) => {
        const path = `${base}/groups/${g}/items/${i}`;
        if (ids.has(item.id)) at(`${path}/id`, `Id "${item.id}" is used twice in lens "${lens.id}"`);
        ids.add(item.id);
        checkText(`${path}/title`, item.title);
        checkText(`${path}/note`, item.note);
        item.clauses.forEach((clauseId, c) => {
          if (!clauseIndex.has(clauseId)) at(`${path}/clauses/${c}`, `Lens item "${item.id}" maps onto clause "${clauseId}", which is not in the pack`);
        });
      });
    });
  });

  const selectionIds = new Set<string>();
  (pack.selections ?? []).forEach((selection, s) => {
    if (selectionIds.has(selection.id)) at(`/selections/${s}/id`, `Selection id "${selection.id}" is used twice`);
    selectionIds.add(selection.id);
    checkText(`/selections/${s}/title`, selection.title);
    checkText(`/selections/${s}/description`, selection.description);
    selection.clauses.forEach((clauseId, c) => {
      if (!clauseIndex.has(clauseId)) at(`/selections/${s}/clauses/${c}`, `Selection "${selection.id}" names clause "${clauseId}", which is not in the pack`);
    });
  });
  return issues;
}
