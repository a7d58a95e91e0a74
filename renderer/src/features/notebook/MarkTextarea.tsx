import { Group, Paper, Text, Textarea, type TextareaProps } from '@mantine/core';
import { forwardRef, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { markAt, type MarkInProgress } from '../../../../shared/fieldwork/notebook-marks.ts';
import { isComposing } from '../../state/composition.ts';
import { applySuggestion, type Suggestion } from './notebook-logic.ts';

export interface MarkTextareaProps extends Omit<TextareaProps, 'value' | 'onChange' | 'onKeyDown'> {
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Enter (not Shift+Enter, not while an input method composes, not while a suggestion is offered). */
  readonly onSubmit?: () => void;
  /** Esc with no suggestion list open. */
  readonly onEscape?: () => void;
  /** Other keys the owner handles (Alt+↑↓ between sessions); called first, before anything here. */
  readonly onOtherKey?: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  readonly suggest: (mark: MarkInProgress) => Suggestion[];
  /** Where the suggestions open: above the field (the composer at the bottom) or below it. */
  readonly listPlacement?: 'above' | 'below';
}

/**
 * A text field that knows the notebook's marks: while a mark is typed (@, #, [[, §) it offers what is
 * already known; ↑↓ choose, Enter or Tab take, Esc closes. Keys that belong to an input method composing
 * Chinese are never taken (isComposing / keyCode 229): Enter then picks the characters, not an entry.
 */
export const MarkTextarea = forwardRef<HTMLTextAreaElement, MarkTextareaProps>(function MarkTextarea(
  { value, onValueChange, onSubmit, onEscape, onOtherKey, suggest, listPlacement = 'below', ...props },
  ref,
) {
  const { t } = useTranslation();
  const field = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => field.current!, []);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const listId = useId();

  const mark = caret === null ? null : markAt(value, Math.min(caret, value.length));
  const items = useMemo(() => (mark && mark.start !== dismissed ? suggest(mark) : []), [mark?.kind, mark?.start, mark?.prefix, dismissed, suggest]);
  const open = items.length > 0;
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  const trackCaret = () => {
    const element = field.current;
    if (element) setCaret(element.selectionStart === element.selectionEnd ? element.selectionStart : null);
  };

  const pick = (item: Suggestion) => {
    if (!mark || caret === null) return;
    const next = applySuggestion(value, caret, mark, item.insert);
    onValueChange(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      field.current?.setSelectionRange(next.caret, next.caret);
      field.current?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isComposing(event.nativeEvent)) return;
    if (onOtherKey?.(event)) return;
    // Alt/Ctrl/Cmd combinations belong to the screen's shortcuts (Alt+↑↓ between sessions).
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const by = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + by + items.length) % items.length);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        pick(items[activeIndex]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissed(mark!.start);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && onSubmit) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  };

  const list = open ? (
    <Paper
      withBorder
      shadow="md"
      p={4}
      id={listId}
      role="listbox"
      aria-label={t(`notebook.suggest.${mark!.kind}`)}
      data-testid="mark-suggestions"
      style={{ position: 'absolute', left: 0, right: 0, zIndex: 20, maxHeight: 280, overflowY: 'auto', ...(listPlacement === 'above' ? { bottom: '100%', marginBottom: 4 } : { top: '100%', marginTop: 4 }) }}
    >
      <Text size="xs" c="dimmed" px={6} pb={2}>
        {t(`notebook.suggest.${mark!.kind}`)} · {t('notebook.suggest.keys')}
      </Text>
      {items.map((item, index) => (
        <Group
          key={item.key}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === activeIndex}
          data-testid="mark-suggestion"
          gap="xs"
          wrap="nowrap"
          px={6}
          py={4}
          style={{ borderRadius: 4, cursor: 'pointer', background: index === activeIndex ? 'var(--mantine-color-indigo-0)' : undefined }}
          onMouseDown={(event) => {
            event.preventDefault();
            pick(item);
          }}
          onMouseEnter={() => setActive(index)}
        >
          <Text size="sm" fw={500} translate="no" style={{ whiteSpace: 'nowrap' }}>
            {item.label}
          </Text>
          {item.detail ? (
            <Text size="xs" c="dimmed" translate="no" truncate>
              {item.detail}
            </Text>
          ) : null}
          {item.expected ? (
            <Text size="xs" c="teal.8" ml="auto" style={{ whiteSpace: 'nowrap' }}>
              {t('notebook.people.expected')}
            </Text>
          ) : null}
        </Group>
      ))}
    </Paper>
  ) : null;

  return (
    <div style={{ position: 'relative' }}>
      {listPlacement === 'above' ? list : null}
      <Textarea
        {...props}
        ref={field}
        value={value}
        autosize
        onChange={(event) => {
          onValueChange(event.currentTarget.value);
          setCaret(event.currentTarget.selectionStart);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={trackCaret}
        onClick={trackCaret}
        onSelect={trackCaret}
        onFocus={(event) => {
          trackCaret();
          props.onFocus?.(event);
        }}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
      />
      {listPlacement === 'below' ? list : null}
    </div>
  );
});
