import type { ComboboxData } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { checklistUnits } from '../../../../shared/fieldwork/checklist-units.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';

/** A topic (process key or clause group) as auditors name it: "8.5.1 Change management", "9 Performance evaluation". */
export function topicName(topic: string, pack: ChecklistPack | null, language: string): string {
  return topicLabel(/^\d/.test(topic) ? 'clause' : 'process', topic, pack, language);
}

const unitsOf = new WeakMap<ChecklistPack, { key: string }[]>();

/** The choice "whole session" (an entry's empty topic) as the selectors carry it: a select has no empty value. */
export const WHOLE_SESSION = '*session';
export const toChoice = (topic: string): string => (topic === '' ? WHOLE_SESSION : topic);
export const fromChoice = (choice: string | null): string => (choice === null || choice === WHOLE_SESSION ? '' : choice);

/**
 * What an entry can be about: the whole session (empty), the session's own topics, then every other
 * process and clause group of the pack (so an entry about another process can be linked to it).
 */
export function topicChoices(sessionTopics: readonly string[], pack: ChecklistPack | null, language: string, t: TFunction): ComboboxData {
  let units = pack ? unitsOf.get(pack) : undefined;
  if (pack && !units) unitsOf.set(pack, (units = checklistUnits(pack)));
  const others = (units ?? []).map((unit) => unit.key).filter((key) => !sessionTopics.includes(key));
  const item = (value: string) => ({ value, label: topicName(value, pack, language) });
  return [
    { group: t('notebook.topic.sessionGroup'), items: [{ value: WHOLE_SESSION, label: t('notebook.topic.session') }, ...sessionTopics.map(item)] },
    ...(others.length ? [{ group: t('notebook.topic.otherGroup'), items: others.map(item) }] : []),
  ];
}
