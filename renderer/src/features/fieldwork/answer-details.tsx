import { Group, NativeSelect, Pill, Stack, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useId, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { showUndo } from '../../components/undo.tsx';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { AnswerTypeahead, type TypeaheadItem } from './answer-typeahead.tsx';

export type EvidenceItem = FieldworkRow<'evidence_item'>;
export type Person = FieldworkRow<'person'>;

/** What an answer links to: its evidence references and interviewees (with the link rows, for removing). */
export interface AnswerLinks {
  readonly evidence: readonly { readonly linkId: string; readonly item: EvidenceItem }[];
  readonly people: readonly { readonly linkId: string; readonly person: Person }[];
}

export const NO_LINKS: AnswerLinks = { evidence: [], people: [] };

export type DetailField = 'session' | 'evidence' | 'people';

/** "Name, role" (or 姓名，职务) as the notebook writes a person: the first comma starts the role. */
export function nameAndRole(typed: string): { name: string; role: string } {
  const match = /^([^,，]+)[,，](.*)$/.exec(typed);
  return match ? { name: match[1]!.trim(), role: match[2]!.trim() } : { name: typed.trim(), role: '' };
}

/**
 * The focused answer's details: the session it was answered in (the plan's sessions covering the
 * process), its evidence references and its interviewees — picked by typing, or created inline;
 * a link removed can be taken back (undo). Keys: S, E, I reach the three fields from the list.
 */
export function AnswerDetails({
  sessionId,
  sessions,
  links,
  evidenceItems,
  peopleItems,
  ready,
  readOnly,
  sessionRef,
  evidenceRef,
  peopleRef,
  onSession,
  editing,
  onEdit,
  ensureAnswer,
  onError,
}: {
  sessionId: string | null;
  /** The sessions to choose from (those covering the question, and the one recorded). */
  sessions: readonly { readonly id: string; readonly label: string; readonly covering: boolean }[];
  links: AnswerLinks;
  evidenceItems: readonly TypeaheadItem[];
  peopleItems: readonly TypeaheadItem[];
  /** The fieldwork records are read (evidence and people can be listed). */
  ready: boolean;
  readOnly: boolean;
  sessionRef: Ref<HTMLSelectElement>;
  evidenceRef: Ref<HTMLInputElement>;
  peopleRef: Ref<HTMLInputElement>;
  onSession: (sessionId: string | null) => void;
  /** The field open for editing (S, E, I or a click opens one); the others are drawn without their inputs. */
  editing: DetailField | null;
  onEdit: (field: DetailField) => void;
  /** The answer row's id, written first when there is none (links need it). */
  ensureAnswer: () => Promise<string>;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EvidenceKind>('document');
  const kindLabel = useCallback((value: EvidenceKind) => t(`evidence.kinds.${value}`), [t]);

  const run = (work: () => Promise<void>) => void work().catch(onError);
  const records = useFieldworkRecords.getState;
  const linkEvidence = (evidenceId: string) =>
    run(async () => {
      const answerId = await ensureAnswer();
      await records().create('answer_evidence', { answer_id: answerId, evidence_id: evidenceId });
    });
  const createEvidence = (title: string) =>
    run(async () => {
      const evidenceId = await records().create('evidence_item', { kind, title });
      const answerId = await ensureAnswer();
      await records().create('answer_evidence', { answer_id: answerId, evidence_id: evidenceId });
    });
  const unlinkEvidence = (linkId: string, title: string) =>
    run(async () => {
      await records().remove('answer_evidence', linkId);
      showUndo(t, t('fieldwork.evidence.removed', { title }), () => records().restore('answer_evidence', linkId).catch(onError));
    });
  const linkPerson = (personId: string) =>
    run(async () => {
      const answerId = await ensureAnswer();
      await records().create('answer_person', { answer_id: answerId, person_id: personId });
    });
  const createPerson = (typed: string) =>
    run(async () => {
      const { name, role } = nameAndRole(typed);
      // A person is one row per name in every copy: an existing name comes back as the same row (its role kept unless one is typed).
      const personId = await records().create('person', role ? { name, role } : { name });
      const answerId = await ensureAnswer();
      await records().create('answer_person', { answer_id: answerId, person_id: personId });
    });
  const unlinkPerson = (linkId: string, name: string) =>
    run(async () => {
      await records().remove('answer_person', linkId);
      showUndo(t, t('fieldwork.people.removed', { name }), () => records().restore('answer_person', linkId).catch(onError));
    });

  const linkedEvidence = new Set(links.evidence.map((link) => link.item.id));
  const linkedPeople = new Set(links.people.map((link) => link.person.id));
  const evidenceCreate = useCallback((title: string) => (title ? t('fieldwork.evidence.create', { kind: kindLabel(kind), title }) : null), [t, kind, kindLabel]);
  const personCreate = useCallback(
    (typed: string) => {
      const { name, role } = nameAndRole(typed);
      if (!name) return null;
      return role ? t('fieldwork.people.createWithRole', { name, role }) : t('fieldwork.people.create', { name });
    },
    [t],
  );
  const lastEvidence = links.evidence.at(-1);
  const lastPerson = links.people.at(-1);
  const covering = sessions.some((session) => session.covering);
  const sessionId_ = useId();
  const evidenceId = useId();
  const peopleId = useId();

  const chosen = sessions.find((session) => session.id === sessionId);
  const sessionText = chosen ? (chosen.covering ? chosen.label : t('fieldwork.session.notCovering', { session: chosen.label })) : t('fieldwork.session.none');

  return (
    <div data-testid="answer-details" style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '6px 12px', alignItems: 'start' }}>
      <FieldLabel htmlFor={sessionId_} keyName="S">
        {t('fieldwork.session.label')}
      </FieldLabel>
      <div>
        {editing === 'session' ? (
          <NativeSelect
            id={sessionId_}
            ref={sessionRef}
            size="xs"
            value={sessionId ?? ''}
            disabled={readOnly}
            onChange={(event) => onSession(event.currentTarget.value || null)}
            data-testid="answer-session"
            data={[
              { value: '', label: t('fieldwork.session.none') },
              ...sessions.map((session) => ({ value: session.id, label: session.covering ? session.label : t('fieldwork.session.notCovering', { session: session.label }) })),
            ]}
          />
        ) : (
          <Dormant id={sessionId_} onOpen={() => onEdit('session')} disabled={readOnly} testId="answer-session-value">
            <span translate={chosen ? 'no' : undefined}>{sessionText}</span>
          </Dormant>
        )}
        {covering ? null : (
          <Text size="xs" c="dimmed" mt={2}>
            {t('fieldwork.session.noneCovering')}
          </Text>
        )}
      </div>
      <FieldLabel htmlFor={evidenceId} keyName="E">
        {t('fieldwork.evidence.label')}
      </FieldLabel>
      <Stack gap={6}>
        {links.evidence.length ? (
          <Group gap={6} data-testid="answer-evidence-list">
            {links.evidence.map(({ linkId, item }) => (
              <Pill
                key={linkId}
                withRemoveButton={!readOnly}
                onRemove={() => unlinkEvidence(linkId, item.title)}
                removeButtonProps={{ 'aria-label': t('fieldwork.evidence.remove', { title: item.title }) }}
                data-testid="answer-evidence"
              >
                <Text span size="xs" c="dimmed">
                  {kindLabel(item.kind as EvidenceKind)}
                </Text>{' '}
                <span translate="no">
                  {item.title}
                  {item.version ? ` ${item.version}` : ''}
                </span>
              </Pill>
            ))}
          </Group>
        ) : null}
        {editing === 'evidence' ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <NativeSelect
              size="xs"
              aria-label={t('fieldwork.evidence.kind')}
              value={kind}
              disabled={readOnly || !ready}
              onChange={(event) => setKind(event.currentTarget.value as EvidenceKind)}
              data={EVIDENCE_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
              w={128}
              style={{ flexShrink: 0 }}
            />
            <div style={{ flex: 1 }}>
              <AnswerTypeahead
                id={evidenceId}
                label={t('fieldwork.evidence.label')}
                placeholder={ready ? t('fieldwork.evidence.placeholder') : t('fieldwork.loading')}
                inputRef={evidenceRef}
                items={evidenceItems}
                linked={linkedEvidence}
                createLabel={evidenceCreate}
                onPick={linkEvidence}
                onCreate={createEvidence}
                onRemoveLast={lastEvidence ? () => unlinkEvidence(lastEvidence.linkId, lastEvidence.item.title) : undefined}
                disabled={readOnly || !ready}
                testId="answer-evidence-input"
              />
            </div>
          </Group>
        ) : (
          <Dormant id={evidenceId} onOpen={() => onEdit('evidence')} disabled={readOnly} placeholder>
            {t('fieldwork.evidence.placeholder')}
          </Dormant>
        )}
      </Stack>
      <FieldLabel htmlFor={peopleId} keyName="I">
        {t('fieldwork.people.label')}
      </FieldLabel>
      <Stack gap={6}>
        {links.people.length ? (
          <Group gap={6} data-testid="answer-people-list">
            {links.people.map(({ linkId, person }) => (
              <Pill
                key={linkId}
                withRemoveButton={!readOnly}
                onRemove={() => unlinkPerson(linkId, person.name)}
                removeButtonProps={{ 'aria-label': t('fieldwork.people.remove', { name: person.name }) }}
                data-testid="answer-person"
              >
                <span translate="no">{person.role ? t('common.personRole', { name: person.name, role: person.role }) : person.name}</span>
              </Pill>
            ))}
          </Group>
        ) : null}
        {editing === 'people' ? (
          <AnswerTypeahead
            id={peopleId}
            label={t('fieldwork.people.label')}
            placeholder={ready ? t('fieldwork.people.placeholder') : t('fieldwork.loading')}
            inputRef={peopleRef}
            items={peopleItems}
            linked={linkedPeople}
            createLabel={personCreate}
            onPick={linkPerson}
            onCreate={createPerson}
            onRemoveLast={lastPerson ? () => unlinkPerson(lastPerson.linkId, lastPerson.person.name) : undefined}
            disabled={readOnly || !ready}
            testId="answer-people-input"
          />
        ) : (
          <Dormant id={peopleId} onOpen={() => onEdit('people')} disabled={readOnly} placeholder>
            {t('fieldwork.people.placeholder')}
          </Dormant>
        )}
      </Stack>
    </div>
  );
}

/**
 * A field not opened yet, drawn like one: a plain button (no input component is built until the
 * auditor opens it with its key or a click — what keeps a result key's next question fast).
 */
function Dormant({ id, onOpen, disabled, placeholder, testId, children }: { id: string; onOpen: () => void; disabled: boolean; placeholder?: boolean; testId?: string; children: ReactNode }) {
  return (
    <UnstyledButton
      id={id}
      onClick={onOpen}
      disabled={disabled}
      data-testid={testId}
      style={{
        display: 'block',
        width: '100%',
        minHeight: 30,
        padding: '5px 10px',
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-default)',
        fontSize: 'var(--mantine-font-size-xs)',
        color: placeholder ? 'var(--mantine-color-placeholder)' : undefined,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      }}
    >
      {children}
    </UnstyledButton>
  );
}

/** A field's label in the details' left column, with the key that reaches it. */
function FieldLabel({ htmlFor, keyName, children }: { htmlFor: string; keyName: string; children: string }) {
  return (
    <Text component="label" htmlFor={htmlFor} size="xs" fw={500} pt={6} style={{ whiteSpace: 'nowrap' }}>
      {children} <KeyHint>{keyName}</KeyHint>
    </Text>
  );
}

/** A key's name beside a field's label. */
export function KeyHint({ children }: { children: string }) {
  // The text's own colour, faded: readable on a chosen chip as on the page.
  return (
    <Text span ff="monospace" translate="no" style={{ border: '1px solid currentColor', borderRadius: 3, padding: '0 4px', fontSize: 10, opacity: 0.6, color: 'inherit', whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}
