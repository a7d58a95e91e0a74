import { Alert, Badge, Button, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView } from '../../../../shared/contract/fieldwork-channels.ts';
import { answerFacts, filterGroups, filtersSet, questionCount, type AnswerFilter } from '../../../../shared/fieldwork/answer-filters.ts';
import { answerGroups, placedQuestions, plannedSessions, type AnswerGroup, type PlacedQuestion } from '../../../../shared/fieldwork/answer-order.ts';
import { ANSWER_RESULTS, type AnswerResult } from '../../../../shared/fieldwork/answer-results.ts';
import { defaultSession } from '../../../../shared/fieldwork/answer-sessions.ts';
import { checklistUnits } from '../../../../shared/fieldwork/checklist-units.ts';
import type { PlanSession } from '../../../../shared/plan/plan-rows.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay } from '../../components/format.ts';
import { useAppStore } from '../../state/app-store.ts';
import { isComposing, useGuardedHotkeys } from '../../state/composition.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import type { RaiseSource } from '../../../../shared/contract/finding-views.ts';
import { RAISE_KEY, RAISE_KEY_LABEL, RaiseFindingButton, useRaiseFinding } from '../findings/raise-finding.tsx';
import { AnswerCard, type TeamAnswer } from './AnswerCard.tsx';
import { AnswerDetails, KeyHint, NO_LINKS, type AnswerLinks, type DetailField } from './answer-details.tsx';
import { useAnswerPlan, type AnswerPlan } from './answer-plan.ts';
import { AnswerToolbar, type FilterOption } from './answer-toolbar.tsx';
import type { TypeaheadItem } from './answer-typeahead.tsx';
import { AnswerWindow } from './answer-window.tsx';
import { useAnswersView } from './answers-view.ts';
import { useAnswers, type AnswerChange } from './use-answers.ts';
import { WhoAreYou } from './WhoAreYou.tsx';

/** A row of the list: a session's caption (plan order), a group's heading, or a question. */
type Entry =
  | { readonly kind: 'caption'; readonly key: string; readonly sessionId: string | null }
  | { readonly kind: 'group'; readonly key: string; readonly group: AnswerGroup; readonly groupIndex: number }
  | { readonly kind: 'question'; readonly key: string; readonly group: AnswerGroup; readonly groupIndex: number; readonly placed: PlacedQuestion };

interface Layout {
  readonly entries: readonly Entry[];
  /** Entry index of each question row, in order. */
  readonly questionAt: readonly number[];
  /** Question ordinal of each group's first question. */
  readonly groupFirst: readonly number[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly firstOfQuestion: ReadonlyMap<string, number>;
  readonly ordinalOf: ReadonlyMap<number, number>;
}

const NO_TEAM: readonly TeamAnswer[] = [];
/** Below the panel: the page's bottom padding and the status bar (px). */
const PAGE_BOTTOM = 54;
/** A small window scrolls the page rather than squeezing the list below this (px). */
const MIN_HEIGHT = 480;
const answered = (answer: ChecklistAnswerView | undefined) => answer !== undefined && answer.result !== 'not_audited';

function layoutOf(groups: readonly AnswerGroup[], inPlanOrder: boolean): Layout {
  const entries: Entry[] = [];
  const questionAt: number[] = [];
  const groupFirst: number[] = [];
  let caption: string | undefined;
  groups.forEach((group, groupIndex) => {
    if (inPlanOrder) {
      const of = group.unplanned ? 'unplanned' : (group.sessionId ?? '');
      if (of !== caption) {
        entries.push({ kind: 'caption', key: `caption:${of}`, sessionId: group.unplanned ? null : group.sessionId });
        caption = of;
      }
    }
    entries.push({ kind: 'group', key: `group:${group.key}`, group, groupIndex });
    groupFirst.push(questionAt.length);
    for (const placed of group.questions) {
      questionAt.push(entries.length);
      entries.push({ kind: 'question', key: `${group.key}/${placed.question.id}`, group, groupIndex, placed });
    }
  });
  const firstOfQuestion = new Map<string, number>();
  for (const at of questionAt) {
    const entry = entries[at] as Extract<Entry, { kind: 'question' }>;
    if (!firstOfQuestion.has(entry.placed.question.id)) firstOfQuestion.set(entry.placed.question.id, at);
  }
  return {
    entries,
    questionAt,
    groupFirst,
    indexOf: new Map(entries.map((entry, index) => [entry.key, index])),
    firstOfQuestion,
    ordinalOf: new Map(questionAt.map((at, ordinal) => [at, ordinal])),
  };
}

/** The first of the headings right above a row (a group's first question shows its heading). */
function headingsAbove(entries: readonly Entry[], index: number): number {
  let first = index;
  while (first > 0 && entries[first - 1]!.kind !== 'question') first--;
  return first;
}

/** "8 Dec 2026 09:00–12:30" */
const sessionTime = (session: PlanSession) => `${formatDay(session.day)} ${session.start_time}–${session.end_time}`;

/** A group in the left column: its name and the typing member's progress in it. Memoized (a result key changes one). */
const GroupLink = memo(function GroupLink({ label, done, total, active, onPick, index }: { label: string; done: number; total: number; active: boolean; onPick: (index: number) => void; index: number }) {
  const link = useRef<HTMLAnchorElement | null>(null);
  // The column follows the list: the group being answered stays in view.
  useEffect(() => {
    if (active) link.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <NavLink
      ref={link}
      active={active}
      onClick={() => onPick(index)}
      label={<span translate="no">{label}</span>}
      rightSection={
        <Text size="xs" c="dimmed">
          {done}/{total}
        </Text>
      }
      data-testid="fieldwork-unit"
    />
  );
});

/** A session of the plan as a caption: when, what, where. */
function SessionCaption({ session, plan, compact }: { session: PlanSession | null; plan: AnswerPlan; compact?: boolean }) {
  const { t } = useTranslation();
  if (!session)
    return (
      <div data-testid="caption-unplanned">
        <Text size={compact ? 'xs' : 'sm'} fw={700} c="dimmed" tt="uppercase">
          {t('fieldwork.plan.notInPlan')}
        </Text>
        {compact ? null : (
          <Text size="xs" c="dimmed">
            {t('fieldwork.plan.notInPlanHint')}
          </Text>
        )}
      </div>
    );
  const site = plan.sites.find((candidate) => candidate.id === session.site_id);
  return (
    <div data-testid="caption-session">
      <Group gap={6} wrap="nowrap">
        <Text size={compact ? 'xs' : 'sm'} fw={700} c="indigo.8" style={{ whiteSpace: 'nowrap' }}>
          {sessionTime(session)}
        </Text>
        {compact ? null : session.remote ? (
          <Badge size="xs" variant="light" color="grape" leftSection={<IconDeviceLaptop size={10} />}>
            {t('fieldwork.plan.remote')}
          </Badge>
        ) : site ? (
          <Badge size="xs" variant="light" color="gray" tt="none" leftSection={<IconMapPin size={10} />} translate="no">
            {site.name}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={compact ? 1 : 2} translate={session.title ? 'no' : undefined}>
        {session.title || t(`plan.kind.${session.kind}`)}
      </Text>
    </div>
  );
}

/** Focuses a field of the focused card once it is in the page (it may first have to scroll in). */
function focusWhenThere(ref: RefObject<HTMLElement | null>, tries = 8) {
  if (ref.current) ref.current.focus();
  else if (tries > 0) requestAnimationFrame(() => focusWhenThere(ref, tries - 1));
}

/**
 * Fieldwork's checklist tab: the whole checklist in one windowed list — by process, by clause or in
 * the plan's order — answered from the keyboard by the team member at this computer, with the rest
 * of the team's answers beside each question. One key per result: the next question shows at once and
 * the answer is written behind it. Filters and search narrow the list; the focused answer opens its
 * session, evidence references and interviewees.
 */
export function AnswersPanel() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const timeZone = current.engagement?.time_zone ?? 'UTC';
  const [pack, setPack] = useState<ChecklistPack | null | undefined>(undefined);
  const { typing, mine, others, answer, ensureAnswer, linkMe, error, setError } = useAnswers(handle);
  const plan = useAnswerPlan(handle, setError);
  const records = useFieldworkRecords((s) => s.records);
  const { order, filter, focus, setFocus, setFilter, clearFilter, setOrder, nextOrder } = useAnswersView();
  const [reveal, setReveal] = useState(0);
  // The detail opened for editing, for one question (moving on closes it).
  const [editing, setEditing] = useState<{ question: string; field: DetailField } | null>(null);
  const notes = useRef<HTMLTextAreaElement | null>(null);
  const evidenceField = useRef<HTMLInputElement | null>(null);
  const peopleField = useRef<HTMLInputElement | null>(null);
  const sessionField = useRef<HTMLSelectElement | null>(null);
  const searchField = useRef<HTMLInputElement | null>(null);
  const root = useRef<HTMLDivElement | null>(null);

  useEffect(() => useAnswersView.getState().use(handle), [handle]);
  // The panel fills the window below its top (the list scrolls, not the page), whatever the header's height.
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const element = root.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(window.innerHeight - top - PAGE_BOTTOM, MIN_HEIGHT));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [pack]);
  useEffect(() => {
    engagementPack(handle, current.engagement?.checklist_pack_id ?? null).then(setPack, setError);
  }, [handle, current.engagement?.checklist_pack_id, setError]);

  const language = i18n.language;
  const text = useCallback((value: Parameters<typeof textIn>[0]) => (pack ? textIn(value, language, pack.defaultLanguage) : ''), [pack, language]);
  const outline = useMemo(() => ({ sessions: plan.sessions, topics: plan.topics }), [plan]);
  const placed = useMemo(() => (pack ? placedQuestions(pack) : []), [pack]);
  const planned = useMemo(() => (pack ? plannedSessions(pack, outline, placed) : new Map<string, string[]>()), [pack, outline, placed]);
  const groups = useMemo(() => (pack ? answerGroups(pack, order, outline) : []), [pack, order, outline]);

  // Filters read the answers as they were when the filter was set: a question answered since stays in
  // the list (the next key does not make the question under the cursor vanish).
  const mineNow = useRef(mine);
  mineNow.current = mine;
  const [snapshot, setSnapshot] = useState({ mine, others });
  useEffect(() => setSnapshot({ mine: mineNow.current, others }), [filter, order, others]);
  const filterOn = filtersSet(filter) > 0;
  const sessionFacts = useMemo(
    () =>
      new Map(
        plan.sessions.map((session) => [
          session.id,
          { siteId: session.remote ? null : session.site_id, memberIds: plan.members.filter((member) => member.session_id === session.id).map((member) => member.team_member_id) },
        ]),
      ),
    [plan],
  );
  const facts = useMemo(
    () =>
      filterOn && pack
        ? answerFacts({
            questions: placed,
            answers: [...snapshot.mine.values(), ...[...snapshot.others.values()].flat()],
            memberId: typing?.memberId ?? null,
            planned,
            sessions: sessionFacts,
            language,
            defaultLanguage: pack.defaultLanguage,
          })
        : null,
    [filterOn, pack, placed, snapshot, typing?.memberId, planned, sessionFacts, language],
  );
  const shownGroups = useMemo(() => (facts ? filterGroups(groups, facts, filter) : groups), [groups, facts, filter]);
  const layout = useMemo(() => layoutOf(shownGroups, order === 'plan'), [shownGroups, order]);
  const shownCount = useMemo(() => questionCount(shownGroups), [shownGroups]);

  // The focused question: where it was, else the same question elsewhere (another order), else the first.
  const focusIndex = (focus ? (layout.indexOf.get(`${focus.group}/${focus.question}`) ?? layout.firstOfQuestion.get(focus.question)) : undefined) ?? layout.questionAt[0] ?? -1;
  const focused = focusIndex >= 0 ? (layout.entries[focusIndex] as Extract<Entry, { kind: 'question' }>) : null;
  const focusedId = focused?.placed.question.id ?? null;
  const focusedGroup = focused ? shownGroups[focused.groupIndex] : undefined;
  const focusedSession = focusedGroup?.sessionId ? plan.sessionById.get(focusedGroup.sessionId) : undefined;
  // What is shown focused is the focus: after a search or a filter, clearing it keeps the question found.
  const focusedGroupKey = focused?.group.key ?? null;
  useEffect(() => {
    if (focusedId && focusedGroupKey && (focus?.question !== focusedId || focus.group !== focusedGroupKey)) setFocus({ group: focusedGroupKey, question: focusedId });
  }, [focusedId, focusedGroupKey, focus, setFocus]);

  const canAnswer = Boolean(typing?.memberId) && !current.readOnly;
  const canAnswerNow = useRef(canAnswer);
  canAnswerNow.current = canAnswer;
  const defaultSessionOf = useRef((_questionId: string): string | null => null);
  defaultSessionOf.current = (questionId) => {
    const covering = (planned.get(questionId) ?? []).map((id) => plan.sessionById.get(id)).filter((session) => session !== undefined);
    return covering.length ? defaultSession(covering, Date.now(), timeZone) : null;
  };
  /** The typing member's change; a first answer is recorded under the session running now (or today's). */
  const onAnswer = useCallback(
    (questionId: string, change: AnswerChange) => {
      if (!canAnswerNow.current) return;
      if (mineNow.current.has(questionId) || change.sessionId !== undefined) return answer(questionId, change);
      const sessionId = defaultSessionOf.current(questionId);
      answer(questionId, sessionId ? { ...change, sessionId } : change);
    },
    [answer],
  );
  const onFocus = useCallback((group: string, question: string) => setFocus({ group, question }), [setFocus]);
  const focusOrdinal = (ordinal: number) => {
    const clamped = Math.min(Math.max(ordinal, 0), layout.questionAt.length - 1);
    const entry = layout.entries[layout.questionAt[clamped]!] as Extract<Entry, { kind: 'question' }> | undefined;
    if (entry) setFocus({ group: entry.group.key, question: entry.placed.question.id });
  };
  const goQuestion = (by: number) => focusOrdinal((layout.ordinalOf.get(focusIndex) ?? 0) + by);
  const goGroup = (by: number) => {
    const groupIndex = focused ? Math.min(Math.max(focused.groupIndex + by, 0), layout.groupFirst.length - 1) : 0;
    focusOrdinal(layout.groupFirst[groupIndex] ?? 0);
  };
  const pickGroup = useCallback((groupIndex: number) => focusOrdinal(layout.groupFirst[groupIndex] ?? 0), [layout]);
  const answerKey = (index: number) => () => {
    if (!focusedId || !canAnswer) return;
    const result = ANSWER_RESULTS[index]!;
    onAnswer(focusedId, { result });
    // Not applicable asks for a reason: stay, and show the field it opened; any other result moves on.
    if (result !== 'not_applicable') goQuestion(1);
    else setReveal((value) => value + 1);
  };
  const fieldRefs: Record<DetailField, RefObject<HTMLElement | null>> = { session: sessionField, evidence: evidenceField, people: peopleField };
  const openField = (field: DetailField) => {
    if (!focusedId) return;
    setEditing({ question: focusedId, field });
    setReveal((value) => value + 1);
    focusWhenThere(fieldRefs[field]);
  };
  const toNotes = () => {
    setReveal((value) => value + 1);
    focusWhenThere(notes);
  };
  const raiser = useRaiseFinding(setError);
  useGuardedHotkeys([
    ['ArrowDown', () => goQuestion(1)],
    ['j', () => goQuestion(1)],
    ['ArrowUp', () => goQuestion(-1)],
    ['k', () => goQuestion(-1)],
    [']', () => goGroup(1)],
    ['[', () => goGroup(-1)],
    ...ANSWER_RESULTS.map((_, index): [string, () => void] => [String(index + 1), answerKey(index)]),
    ['n', toNotes],
    ['e', () => openField('evidence')],
    ['i', () => openField('people')],
    ['s', () => openField('session')],
    ['o', nextOrder],
    ['u', () => setFilter({ unanswered: !filter.unanswered })],
    ['m', () => setFilter({ mine: !filter.mine })],
    ['shift+x', clearFilter],
    [RAISE_KEY, () => focusedId && void raiser.raise(() => raiseSourceOf(focusedId, mine.get(focusedId)))],
  ]);
  // Ctrl+F searches from anywhere, a field included.
  useGuardedHotkeys([['mod+F', () => searchField.current?.select()]], []);
  // Esc in a field of this panel goes back to the list, where the keys work again.
  useEffect(() => {
    const leave = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || isComposing(event)) return;
      const active = document.activeElement;
      if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) && root.current?.contains(active)) active.blur();
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, []);

  // The team: names, and the others' answers per question.
  const names = useMemo(() => new Map(plan.team.map((member) => [member.id, member.name])), [plan.team]);
  const teamOf = useMemo(() => {
    const byQuestion = new Map<string, TeamAnswer[]>();
    for (const [questionId, list] of others)
      byQuestion.set(
        questionId,
        list
          .map((row) => ({ memberId: row.team_member_id, name: names.get(row.team_member_id) ?? '?', result: row.result as AnswerResult, notes: row.notes }))
          .sort((a, b) => a.name.localeCompare(b.name, language)),
      );
    return byQuestion;
  }, [others, names, language]);

  // Evidence references and people met, with what each answer links to.
  const links = useMemo(() => {
    if (!records) return null;
    const evidence = new Map(records.evidence_item.map((item) => [item.id, item]));
    const people = new Map(records.person.map((person) => [person.id, person]));
    const byAnswer = new Map<string, { evidence: AnswerLinks['evidence'][number][]; people: AnswerLinks['people'][number][] }>();
    const of = (answerId: string) => {
      let entry = byAnswer.get(answerId);
      if (!entry) byAnswer.set(answerId, (entry = { evidence: [], people: [] }));
      return entry;
    };
    for (const link of records.answer_evidence) {
      const item = evidence.get(link.evidence_id);
      if (item) of(link.answer_id).evidence.push({ linkId: link.id, item });
    }
    for (const link of records.answer_person) {
      const person = people.get(link.person_id);
      if (person) of(link.answer_id).people.push({ linkId: link.id, person });
    }
    const evidenceItems: TypeaheadItem[] = records.evidence_item.map((item) => ({ id: item.id, label: item.title, detail: [t(`evidence.kinds.${item.kind}`), item.version, item.location].filter(Boolean).join(' · ') }));
    const peopleItems: TypeaheadItem[] = records.person.map((person) => ({ id: person.id, label: person.name, detail: [person.role, person.organization].filter(Boolean).join(t('common.listSeparator')) }));
    return { byAnswer, evidenceItems, peopleItems };
  }, [records, t]);
  const linksOf = (answerRow: ChecklistAnswerView | undefined): AnswerLinks => (answerRow && 'id' in answerRow && answerRow.id ? (links?.byAnswer.get(answerRow.id) ?? NO_LINKS) : NO_LINKS);

  // The focused answer's choice of sessions: those planned to cover the question, and the one recorded.
  const focusedAnswer = focusedId ? mine.get(focusedId) : undefined;
  const sessionChoices = useMemo(() => {
    if (!focusedId) return [];
    const covering = new Set(planned.get(focusedId) ?? []);
    const recorded = focusedAnswer?.session_id ?? null;
    return plan.sessions
      .filter((session) => covering.has(session.id) || session.id === recorded)
      .map((session) => {
        const site = session.remote ? t('fieldwork.plan.remote') : plan.sites.find((candidate) => candidate.id === session.site_id)?.name;
        return { id: session.id, covering: covering.has(session.id), label: [sessionTime(session), session.title || t(`plan.kind.${session.kind}`), site].filter(Boolean).join(' · ') };
      });
  }, [focusedId, focusedAnswer?.session_id, planned, plan, t]);
  /** A finding from the focused answer: one's own, else a teammate's marked nonconformity, else one's own made now. */
  const raiseSourceOf = async (questionId: string, own: ChecklistAnswerView | undefined): Promise<RaiseSource | null> => {
    if (own?.id) return { kind: 'answer', answerId: own.id };
    const theirs = (others.get(questionId) ?? []).find((row) => row.result === 'nonconformity');
    if (theirs) return { kind: 'answer', answerId: theirs.id };
    if (!canAnswer) return { kind: 'none' };
    return { kind: 'answer', answerId: await ensureFocused() };
  };
  const focusedQuestionId = focusedId ?? '';
  const ensureFocused = useCallback(() => {
    const sessionId = defaultSessionOf.current(focusedQuestionId);
    return ensureAnswer(focusedQuestionId, sessionId ? { sessionId } : {});
  }, [ensureAnswer, focusedQuestionId]);
  const onSession = useCallback(
    (sessionId: string | null) => {
      if (focusedQuestionId) onAnswer(focusedQuestionId, { sessionId });
    },
    [onAnswer, focusedQuestionId],
  );

  // Filter choices: processes and clause groups, the sites the plan visits, the sessions that cover something.
  const unitOptions = useMemo<FilterOption[]>(
    () => (pack ? checklistUnits(pack).map((unit) => ({ value: unit.kind === 'process' ? unit.key : unit.number, label: topicLabel(unit.kind, unit.kind === 'process' ? unit.key : unit.number, pack, language), data: true })) : []),
    [pack, language],
  );
  const siteOptions = useMemo<FilterOption[]>(() => {
    const visited = new Set(plan.sessions.filter((session) => !session.remote && session.site_id).map((session) => session.site_id));
    return plan.sites.filter((site) => visited.has(site.id)).map((site) => ({ value: site.id, label: site.name, data: true }));
  }, [plan]);
  const sessionOptions = useMemo<FilterOption[]>(() => {
    const covering = new Set(plan.topics.map((topic) => topic.session_id));
    return plan.sessions.filter((session) => covering.has(session.id)).map((session) => ({ value: session.id, label: `${sessionTime(session)} · ${session.title || t(`plan.kind.${session.kind}`)}`, data: true }));
  }, [plan, t]);
  const onFilter = useCallback((patch: Partial<AnswerFilter>) => setFilter(patch), [setFilter]);

  const groupLabel = useCallback((group: AnswerGroup) => (pack ? topicLabel(group.topic.kind, group.topic.key, pack, language) : group.topic.key), [pack, language]);
  const answeredIn = (questions: readonly PlacedQuestion[]) => questions.filter((item) => answered(mine.get(item.question.id))).length;

  const estimate = useCallback(
    (index: number) => {
      const entry = layout.entries[index]!;
      if (entry.kind === 'caption') return 56;
      if (entry.kind === 'group') return 40;
      const length = text(entry.placed.question.text).length;
      return 96 + Math.ceil(length / 105) * 21;
    },
    [layout, text],
  );
  const rowKey = useCallback((index: number) => layout.entries[index]!.key, [layout]);

  const renderRow = (index: number) => {
    const entry = layout.entries[index]!;
    if (entry.kind === 'caption') {
      return (
        <Paper p="xs" bg="indigo.0" radius="sm" mt={index ? 8 : 0}>
          <SessionCaption session={entry.sessionId ? (plan.sessionById.get(entry.sessionId) ?? null) : null} plan={plan} />
        </Paper>
      );
    }
    if (entry.kind === 'group') {
      return (
        <Group justify="space-between" pt={4} data-testid="answers-group">
          <Title order={5} translate="no">
            {groupLabel(entry.group)}
          </Title>
          <Text size="xs" c="dimmed">
            {t('fieldwork.progress', { answered: answeredIn(entry.group.questions), total: entry.group.questions.length })}
          </Text>
        </Group>
      );
    }
    const questionId = entry.placed.question.id;
    const own = mine.get(questionId);
    const isFocused = index === focusIndex;
    const answerLinks = isFocused ? linksOf(own) : NO_LINKS;
    const counts = isFocused ? null : linksOf(own);
    const session = own?.session_id ? plan.sessionById.get(own.session_id) : undefined;
    return (
      <AnswerCard
        group={entry.group.key}
        question={entry.placed.question}
        clauseNumber={entry.placed.clauseNumber}
        text={text(entry.placed.question.text)}
        answer={own}
        team={teamOf.get(questionId) ?? NO_TEAM}
        sessionLabel={session ? sessionTime(session) : null}
        evidenceCount={counts?.evidence.length ?? 0}
        peopleCount={counts?.people.length ?? 0}
        focused={isFocused}
        readOnly={!canAnswer}
        onFocus={onFocus}
        onAnswer={onAnswer}
        notesRef={isFocused ? notes : undefined}
        details={
          isFocused ? (
            <>
            <AnswerDetails
              // An answer not given yet shows the session it would be recorded under.
              sessionId={own ? own.session_id : defaultSessionOf.current(questionId)}
              sessions={sessionChoices}
              links={answerLinks}
              evidenceItems={links?.evidenceItems ?? []}
              peopleItems={links?.peopleItems ?? []}
              ready={links !== null}
              readOnly={!canAnswer}
              sessionRef={sessionField}
              evidenceRef={evidenceField}
              peopleRef={peopleField}
              onSession={onSession}
              editing={editing?.question === questionId ? editing.field : null}
              onEdit={openField}
              ensureAnswer={ensureFocused}
              onError={setError}
            />
            <RaiseFindingButton source={() => raiseSourceOf(questionId, own)} onError={setError} withKey={false} testId="answer-raise-finding" />
            </>
          ) : undefined
        }
      />
    );
  };

  if (pack === undefined) return error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null;
  const total = placed.length;
  const keys: [string, string][] = [
    ['↑↓', t('fieldwork.keyHints.question')],
    ['[ ]', t('fieldwork.keyHints.group')],
    ['1–5', t('fieldwork.keyHints.result')],
    ['N', t('fieldwork.keyHints.notes')],
    ['E', t('fieldwork.keyHints.evidence')],
    ['I', t('fieldwork.keyHints.people')],
    ['S', t('fieldwork.keyHints.session')],
    ['O', t('fieldwork.keyHints.order')],
    ['U', t('fieldwork.keyHints.unanswered')],
    ['M', t('fieldwork.keyHints.mine')],
    ['Shift+X', t('fieldwork.keyHints.clear')],
    ['Ctrl+F', t('fieldwork.keyHints.search')],
    [RAISE_KEY_LABEL, t('findings.raiseKeyHint')],
    ['Esc', t('fieldwork.keyHints.back')],
  ];
  let lastCaption: string | null | undefined;
  return (
    <Stack gap="sm" ref={root} style={height ? { height } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>{t('fieldwork.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('fieldwork.intro')}
          </Text>
        </div>
        {typing?.name ? (
          <Badge size="lg" variant="light" data-testid="answering-as" style={{ flexShrink: 0 }}>
            {t('fieldwork.answering', { name: typing.name })}
          </Badge>
        ) : null}
      </Group>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {!pack ? <Alert color="yellow">{t('fieldwork.noPack')}</Alert> : null}
      {pack && typing && typing.source === 'none' && !current.readOnly ? (
        <WhoAreYou
          team={plan.team}
          title={t('fieldwork.whoTitle')}
          text={t('fieldwork.whoText')}
          none={t('fieldwork.whoNone')}
          testId="who-are-you"
          onPick={(memberId) => void linkMe(memberId)}
        />
      ) : null}
      {pack ? (
        <>
          <AnswerToolbar
            order={order}
            filter={filter}
            shown={shownCount}
            total={total}
            units={unitOptions}
            sites={siteOptions}
            sessions={sessionOptions}
            searchRef={searchField}
            onOrder={setOrder}
            onFilter={onFilter}
            onClear={clearFilter}
          />
          {order === 'plan' && plan.loaded && !plan.topics.length ? (
            <Alert color="gray" p="xs">
              <Text size="xs">{t('fieldwork.plan.noPlan')}</Text>
            </Alert>
          ) : null}
          <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(190px, 1fr) minmax(0, 3fr)', gridTemplateRows: 'minmax(0, 1fr)', gap: 'var(--mantine-spacing-md)' }}>
            <ScrollArea h="100%" type="auto">
              {shownGroups.map((group, index) => {
                const of = order === 'plan' ? (group.unplanned ? null : group.sessionId) : undefined;
                const caption = order === 'plan' && of !== lastCaption ? <SessionCaption session={of ? (plan.sessionById.get(of) ?? null) : null} plan={plan} compact /> : null;
                lastCaption = of;
                return (
                  <div key={group.key}>
                    {caption ? (
                      <Paper px="sm" py={4} mt={index ? 'xs' : 0} bg="gray.0">
                        {caption}
                      </Paper>
                    ) : null}
                    <GroupLink index={index} label={groupLabel(group)} done={answeredIn(group.questions)} total={group.questions.length} active={focused?.groupIndex === index} onPick={pickGroup} />
                  </div>
                );
              })}
            </ScrollArea>
            <div style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
              <Group justify="space-between" mb={6} wrap="nowrap" gap="sm">
                <Text size="sm" fw={600} c="dimmed" lineClamp={1} translate="no" data-testid="focused-group">
                  {focusedSession ? `${sessionTime(focusedSession)} · ` : ''}
                  {focusedGroup ? groupLabel(focusedGroup) : ''}
                </Text>
                <Text size="sm" c="dimmed" data-testid="unit-progress" style={{ flexShrink: 0 }}>
                  {focusedGroup ? t('fieldwork.progress', { answered: answeredIn(focusedGroup.questions), total: focusedGroup.questions.length }) : ''}
                </Text>
              </Group>
              {layout.questionAt.length ? (
                <AnswerWindow
                  count={layout.entries.length}
                  rowKey={rowKey}
                  estimate={estimate}
                  render={renderRow}
                  focus={focusIndex}
                  focusFrom={headingsAbove(layout.entries, focusIndex)}
                  reveal={reveal}
                  testId="answers-list"
                />
              ) : (
                <Paper withBorder p="lg" data-testid="answers-none">
                  <Text fw={500}>{t('fieldwork.filters.none')}</Text>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('fieldwork.filters.noneHint')}
                  </Text>
                  <Button size="xs" variant="light" onClick={clearFilter}>
                    {t('fieldwork.filters.clear')}
                  </Button>
                </Paper>
              )}
            </div>
          </div>
          <Group gap={10} wrap="wrap" data-testid="answer-keys">
            {keys.map(([key, what]) => (
              <Text key={key} size="xs" c="dimmed">
                <KeyHint>{key}</KeyHint> {what}
              </Text>
            ))}
          </Group>
        </>
      ) : null}
    </Stack>
  );
}

