import { create } from 'zustand';
import { NO_FILTER, type AnswerFilter } from '../../../../shared/fieldwork/answer-filters.ts';
import { ANSWER_ORDERS, type AnswerOrder } from '../../../../shared/fieldwork/answer-order.ts';

/** Where the auditor is in the checklist: kept while they switch tabs and sections, per engagement. */
interface AnswersView {
  handle: string | null;
  order: AnswerOrder;
  filter: AnswerFilter;
  /** The focused question: its group and id (the plan's order can show a question twice). */
  focus: { readonly group: string; readonly question: string } | null;
  /** Starts over for another engagement. */
  use(handle: string): void;
  setOrder(order: AnswerOrder): void;
  nextOrder(): void;
  setFilter(patch: Partial<AnswerFilter>): void;
  clearFilter(): void;
  setFocus(focus: { readonly group: string; readonly question: string } | null): void;
}

export const useAnswersView = create<AnswersView>((set, get) => ({
  handle: null,
  order: 'process',
  filter: NO_FILTER,
  focus: null,
  use(handle) {
    if (get().handle !== handle) set({ handle, order: 'process', filter: NO_FILTER, focus: null });
  },
  setOrder(order) {
    set({ order });
  },
  nextOrder() {
    set({ order: ANSWER_ORDERS[(ANSWER_ORDERS.indexOf(get().order) + 1) % ANSWER_ORDERS.length]! });
  },
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
  clearFilter() {
    set({ filter: NO_FILTER });
  },
  setFocus(focus) {
    set({ focus });
  },
}));
