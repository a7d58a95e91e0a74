import { NumberInput, TextInput, Textarea, type TextInputProps } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldworkRecords, type RecordTableName } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';

/**
 * The fields of the records seen, trails and evidence screens: each edits one field of one row
 * through the fieldwork records store (shown at once, saved by the autosave 500 ms after typing or on
 * leaving the field). A value the row cannot hold (a required text emptied, a half-typed date) stays
 * on screen with a message and is not saved until it is one.
 */
interface FieldProps {
  table: RecordTableName;
  id: string;
  field: string;
  value: string;
  label: ReactNode;
  maxLength: number;
  readOnly?: boolean;
  required?: boolean;
  placeholder?: string;
  description?: ReactNode;
  multiline?: boolean;
  size?: TextInputProps['size'];
  'data-testid'?: string;
  'aria-label'?: string;
}

const flush = () => void useSaveStore.getState().flush();

export function RowTextField({ table, id, field, value, label, maxLength, readOnly, required, placeholder, description, multiline, size = 'sm', ...rest }: FieldProps) {
  const { t } = useTranslation();
  const edit = useFieldworkRecords((s) => s.edit);
  // What is typed, kept while it cannot be saved (a required field emptied).
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [id]);
  const shown = draft ?? value;
  const change = (next: string) => {
    if (required && next.trim() === '') {
      setDraft(next);
      return;
    }
    setDraft(null);
    edit(table, id, { [field]: next });
  };
  const error = required && shown.trim() === '' ? t('records.fields.required') : null;
  const common = {
    label,
    value: shown,
    placeholder,
    description,
    size,
    readOnly,
    error,
    maxLength,
    onBlur: () => {
      if (draft !== null && required) setDraft(null);
      flush();
    },
    ...rest,
  };
  return multiline ? (
    <Textarea {...common} autosize minRows={1} maxRows={8} onChange={(e) => change(e.currentTarget.value)} />
  ) : (
    <TextInput {...common} onChange={(e) => change(e.currentTarget.value)} />
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date (YYYY-MM-DD, the browser's date input) or empty; `error` is a message about the value as saved (a period ending before it starts). */
export function RowDateField({
  table,
  id,
  field,
  value,
  label,
  readOnly,
  error,
  size = 'sm',
  ...rest
}: Omit<FieldProps, 'maxLength' | 'value'> & { value: string | null; error?: string | null }) {
  const edit = useFieldworkRecords((s) => s.edit);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [id]);
  return (
    <TextInput
      type="date"
      label={label}
      size={size}
      readOnly={readOnly}
      value={draft ?? value ?? ''}
      error={error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (next === '' || DAY.test(next)) {
          setDraft(null);
          edit(table, id, { [field]: next === '' ? null : next });
        } else setDraft(next);
      }}
      onBlur={flush}
      {...rest}
    />
  );
}

/** A whole number ≥ 0 or empty. */
export function RowCountField({ table, id, field, value, label, readOnly, size = 'sm', description, ...rest }: Omit<FieldProps, 'maxLength' | 'value'> & { value: number | null }) {
  const edit = useFieldworkRecords((s) => s.edit);
  return (
    <NumberInput
      label={label}
      size={size}
      description={description}
      readOnly={readOnly}
      value={value ?? ''}
      min={0}
      max={2_000_000_000}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      onChange={(next) => {
        if (next === '' || next === null) edit(table, id, { [field]: null });
        else if (typeof next === 'number' && Number.isSafeInteger(next) && next >= 0) edit(table, id, { [field]: next });
      }}
      onBlur={flush}
      {...rest}
    />
  );
}
