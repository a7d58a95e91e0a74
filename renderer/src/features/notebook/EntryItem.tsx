import { ActionIcon, Badge, Box, Group, Select, Text, Tooltip, type ComboboxData } from '@mantine/core';
import { IconFlag, IconPencil, IconTrash } from '@tabler/icons-react';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import type { MarkInProgress } from '../../../../shared/fieldwork/notebook-marks.ts';
import { EntryBody } from './EntryBody.tsx';
import { MarkTextarea } from './MarkTextarea.tsx';
import type { Suggestion } from './notebook-logic.ts';
import { fromChoice, toChoice } from './topics.ts';

export type EntryRow = FieldworkRow<'notebook_entry'>;

export interface EntryItemProps {
  readonly entry: EntryRow;
  readonly time: string;
  readonly author: { readonly name: string; readonly initials: string } | null;
  readonly topics: ComboboxData;
  readonly recordTopic: string | null;
  readonly pack: ChecklistPack | null;
  readonly readOnly: boolean;
  readonly editing: boolean;
  readonly onStartEdit: () => void;
  readonly onStopEdit: () => void;
  /** Every keystroke of an edit: shown at once and autosaved as text. */
  readonly onBodyChange: (body: string) => void;
  /** The edit is done (Enter, Esc, leaving the field): the entry is written again with what its marks make. */
  readonly onCommit: (body: string, topic: string) => void;
  readonly onDelete: () => void;
  /** Raises a finding from this entry (Findings opens with it). */
  readonly onRaise: () => void;
  readonly suggest: (mark: MarkInProgress) => Suggestion[];
}

/** One notebook entry: time, author, what it is about, and the text with its marks as chips; edited in place. */
export const EntryItem = memo(function EntryItem(props: EntryItemProps) {
  const { entry, time, author, topics, recordTopic, pack, readOnly, editing, suggest } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState(entry.body);
  const field = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    if (editing) {
      finished.current = false;
      setDraft(entry.body);
      requestAnimationFrame(() => {
        const element = field.current;
        if (!element) return;
        element.focus();
        element.setSelectionRange(element.value.length, element.value.length);
      });
    }
    // Only when editing starts: later changes of entry.body are this edit's own.
  }, [editing]);

  const finish = () => {
    if (finished.current) return;
    finished.current = true;
    props.onStopEdit();
    if (draft.trim() === '') props.onDelete();
    else props.onCommit(draft.trim(), entry.topic);
  };

  return (
    <Box
      py={6}
      px="xs"
      data-testid="notebook-entry"
      data-entry={entry.id}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      className="notebook-entry"
    >
      <Group gap="xs" wrap="nowrap" align="center" mb={2}>
        <Text size="xs" fw={600} c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="entry-time">
          {time}
        </Text>
        {author ? (
          <Tooltip label={author.name} openDelay={300}>
            <Badge size="xs" variant="light" color="gray" translate="no" data-testid="entry-author">
              {author.initials}
            </Badge>
          </Tooltip>
        ) : null}
        <Select
          size="xs"
          variant="unstyled"
          data={topics}
          value={toChoice(entry.topic)}
          onChange={(choice) => choice !== null && props.onCommit(entry.body, fromChoice(choice))}
          allowDeselect={false}
          readOnly={readOnly}
          searchable
          comboboxProps={{ width: 320, position: 'bottom-start' }}
          aria-label={t('notebook.topic.label')}
          data-testid="entry-topic"
          styles={{ input: { color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-xs)', minHeight: 20, height: 20 } }}
          style={{ flex: '0 1 260px', minWidth: 120 }}
          translate="no"
        />
        {!readOnly ? (
          <Group gap={2} ml="auto" wrap="nowrap">
            <Tooltip label={t('notebook.entries.edit')} openDelay={300}>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('notebook.entries.edit')} onClick={props.onStartEdit} data-testid="entry-edit">
                <IconPencil size={14} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('findings.raiseFromEntry')} openDelay={300}>
              <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('findings.raiseFromEntry')} onClick={props.onRaise} data-testid="entry-raise-finding">
                <IconFlag size={14} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('notebook.entries.delete')} openDelay={300}>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('notebook.entries.delete')} onClick={props.onDelete} data-testid="entry-delete">
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
      {editing ? (
        <>
          <MarkTextarea
            ref={field}
            value={draft}
            onValueChange={(body) => {
              setDraft(body);
              props.onBodyChange(body);
            }}
            onSubmit={finish}
            onEscape={finish}
            onBlur={finish}
            suggest={suggest}
            minRows={1}
            size="sm"
            aria-label={t('notebook.entries.edit')}
            data-testid="entry-editor"
          />
          <Text size="xs" c="dimmed" mt={2}>
            {t('notebook.entries.editHint')}
          </Text>
        </>
      ) : (
        <Text
          size="sm"
          component="div"
          onDoubleClick={readOnly ? undefined : props.onStartEdit}
          data-testid="entry-body"
          style={{ cursor: readOnly ? undefined : 'text' }}
        >
          <EntryBody body={entry.body} recordTopic={recordTopic} pack={pack} />
        </Text>
      )}
    </Box>
  );
});
