import { Paper, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useId, useMemo, useState, type ReactNode, type Ref } from 'react';
import { normalizeSearch, searchTerms } from '../../../../shared/fieldwork/answer-filters.ts';
import { isComposing } from '../../state/composition.ts';

export interface TypeaheadItem {
  readonly id: string;
  readonly label: string;
  /** Shown dimmed after the label, and searched (a role, a kind and version). */
  readonly detail?: string;
}

/** How many matches are offered at once (the list is for picking, not browsing). */
const SHOWN = 8;

/**
 * Pick one of many by typing (evidence references, people): the matches of what was typed, and —
 * when nothing is called exactly that — "create it" first, so typing a new title and Enter makes it.
 * ↑↓ move, Enter picks, Esc clears what was typed (a second Esc leaves the field), Backspace in the
 * empty field takes off the last one linked.
 */
export function AnswerTypeahead({
  id,
  label,
  placeholder,
  inputRef,
  items,
  linked,
  createLabel,
  onPick,
  onCreate,
  onRemoveLast,
  disabled,
  leftSection,
  testId,
}: {
  id?: string;
  label: string;
  placeholder: string;
  inputRef?: Ref<HTMLInputElement>;
  items: readonly TypeaheadItem[];
  /** Already linked: not offered again. */
  linked: ReadonlySet<string>;
  /** The "create" option's text for what was typed (null: cannot create from it). */
  createLabel: (typed: string) => string | null;
  onPick: (id: string) => void;
  onCreate: (typed: string) => void;
  onRemoveLast?: () => void;
  disabled?: boolean;
  leftSection?: ReactNode;
  testId?: string;
}) {
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();

  const options = useMemo(() => {
    const terms = searchTerms(typed);
    if (!terms.length) return [];
    const wanted = normalizeSearch(typed.trim());
    const matches = items.filter((item) => !linked.has(item.id) && terms.every((term) => normalizeSearch(`${item.label} ${item.detail ?? ''}`).includes(term)));
    const exact = items.some((item) => normalizeSearch(item.label) === wanted);
    const create = exact ? null : createLabel(typed.trim());
    return [...(create ? [{ id: '', label: create, create: true }] : []), ...matches.slice(0, SHOWN).map((item) => ({ ...item, create: false }))];
  }, [typed, items, linked, createLabel]);
  const shown = open && options.length > 0;

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.create) onCreate(typed.trim());
    else onPick(option.id);
    setTyped('');
    setActive(0);
  };

  return (
    <div style={{ position: 'relative' }}>
      <TextInput
        ref={inputRef}
        id={id}
        size="xs"
        aria-label={id ? undefined : label}
        placeholder={placeholder}
        value={typed}
        disabled={disabled}
        leftSection={leftSection}
        leftSectionWidth={leftSection ? 132 : undefined}
        leftSectionPointerEvents="all"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        data-testid={testId}
        onChange={(event) => {
          setTyped(event.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (isComposing(event.nativeEvent)) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (options.length) setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (shown) choose(active);
          } else if (event.key === 'Escape' && typed) {
            // The first Esc clears; the panel's Esc (leave the field) only when there is nothing typed.
            event.stopPropagation();
            setTyped('');
          } else if (event.key === 'Backspace' && !typed && onRemoveLast) {
            onRemoveLast();
          }
        }}
      />
      {shown ? (
        <Paper
          withBorder
          shadow="sm"
          p={4}
          id={listId}
          role="listbox"
          aria-label={label}
          style={{ position: 'absolute', zIndex: 20, left: 0, right: 0, top: '100%', marginTop: 2 }}
        >
          {options.map((option, index) => (
            <UnstyledButton
              key={option.id || 'create'}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              // Before the field's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
              onMouseEnter={() => setActive(index)}
              px="xs"
              py={4}
              w="100%"
              style={{ display: 'block', borderRadius: 4, background: index === active ? 'var(--mantine-color-indigo-0)' : undefined }}
            >
              <Text size="xs" fw={option.create ? 600 : 400} span translate={option.create ? undefined : 'no'}>
                {option.label}
              </Text>
              {'detail' in option && option.detail ? (
                <Text size="xs" c="dimmed" span translate="no">
                  {' · '}
                  {option.detail}
                </Text>
              ) : null}
            </UnstyledButton>
          ))}
        </Paper>
      ) : null}
    </div>
  );
}
