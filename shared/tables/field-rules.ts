import { z } from 'zod';
import { isCalendarDate, isIanaTimeZone } from '../time.ts';
import type { FieldSpec, FieldType } from './field-types.ts';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256 = /^[0-9a-f]{64}$/;

const nullable = (type: FieldType): boolean => 'nullable' in type && type.nullable === true;

/** Why a value does not fit a field, or null when it fits. Shared by edits, imports and the contract. */
export function fieldProblem(field: FieldSpec, value: unknown): string | null {
  const type = field.type;
  if (value === null && nullable(type)) return null;
  switch (type.kind) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return 'must be text';
      if (type.kind === 'text' && type.required && value.trim() === '') return 'must not be empty';
      if (value.length > type.maxLength) return `must be at most ${type.maxLength} characters`;
      return null;
    case 'enum':
      return typeof value === 'string' && type.values.includes(value) ? null : `must be one of ${type.values.join(', ')}`;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be a whole number between -(2^53 - 1) and 2^53 - 1';
      if (type.min !== undefined && value < type.min) return `must be at least ${type.min}`;
      if (type.max !== undefined && value > type.max) return `must be at most ${type.max}`;
      return null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a finite number';
    case 'boolean':
      return value === 0 || value === 1 ? null : 'must be 0 or 1';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a calendar date (YYYY-MM-DD)';
    case 'local_time':
      return typeof value === 'string' && LOCAL_TIME.test(value) ? null : 'must be a time of day (HH:MM)';
    case 'instant':
      return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'must be a UTC instant (YYYY-MM-DDTHH:MM:SS.sssZ)';
    case 'time_zone':
      return typeof value === 'string' && isIanaTimeZone(value) ? null : 'must be an IANA time zone such as Europe/Berlin';
    case 'id':
    case 'reference':
      return typeof value === 'string' && value.length > 0 && value.length <= 64 ? null : 'must be an id';
    case 'blob':
      return typeof value === 'string' && SHA256.test(value) ? null : 'must be a SHA-256 in hex';
  }
}

/** Whether a row may be created without this field (the column has a default: '' or NULL). */
export function hasDefault(field: FieldSpec): boolean {
  return sqlDefaultOf(field) !== null || nullable(field.type);
}

/** The column's DEFAULT as SQLite reports it (table_info.dflt_value): '' for optional text, the flag's default, or none. */
export function sqlDefaultOf(field: FieldSpec): string | null {
  const type = field.type;
  if ((type.kind === 'text' && !type.required) || type.kind === 'long_text') return "''";
  if (type.kind === 'boolean' && type.default !== undefined) return String(type.default);
  if (type.kind === 'enum' && type.default !== undefined) return `'${type.default.replaceAll("'", "''")}'`;
  return null;
}

/** The STRICT column type a migration must give the field. */
export function sqlTypeOf(type: FieldType): 'TEXT' | 'INTEGER' | 'REAL' {
  if (type.kind === 'integer' || type.kind === 'boolean') return 'INTEGER';
  if (type.kind === 'number') return 'REAL';
  return 'TEXT';
}

/** Whether the column may hold NULL. */
export const isNullable = (field: FieldSpec): boolean => nullable(field.type);

/**
 * A field's value as the change log stores and fingerprints it: canonical JSON. Checked values
 * only (fieldProblem first): strings as JSON strings, safe integers and finite numbers as JSON
 * numbers (-0 as 0), booleans as 0/1, null as null. The salted hash covers exactly this text, so
 * it must never change for a value once released.
 */
export function encodeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a logged number must be finite');
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  return JSON.stringify(value ?? null);
}

/**
 * A whole row (an immutable table's one entry) with its keys in declaration order, so its JSON —
 * and the fingerprint over it — is the same whoever built the row and in whatever order.
 */
export function canonicalRow(fields: readonly FieldSpec[], row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, row[field.name] ?? null]));
}

/** The zod schema of a field for the contract, from the same rules as fieldProblem. */
export function zodOf(field: FieldSpec): z.ZodType {
  const type = field.type;
  const rule = (value: unknown, context: z.RefinementCtx): void => {
    const problem = fieldProblem(field, value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  };
  let schema: z.ZodType;
  if (type.kind === 'text' && type.required) {
    // Required text is trimmed (a name of spaces is no name), as the forms send it.
    schema = z.string().trim().min(1).max(type.maxLength);
  } else if (type.kind === 'text' || type.kind === 'long_text') {
    schema = z.string().max(type.maxLength);
  } else if (type.kind === 'enum') {
    schema = z.enum(type.values as [string, ...string[]]);
  } else if (type.kind === 'integer' || type.kind === 'number') {
    schema = z.number().superRefine(rule);
  } else if (type.kind === 'boolean') {
    schema = z.union([z.literal(0), z.literal(1)]);
  } else {
    schema = z.string().superRefine(rule);
  }
  return nullable(type) ? schema.nullable() : schema;
}
