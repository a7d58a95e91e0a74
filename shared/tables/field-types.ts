/**
 * The kinds of field a table declares, covering what the capabilities need: how a value is checked,
 * stored (SQLite STRICT type) and written into the change log (see field-rules.ts encodeValue).
 */
export type FieldType =
  /** One line or a paragraph: a length limit; `required` refuses an empty (whitespace-only) value. */
  | { readonly kind: 'text'; readonly maxLength: number; readonly required?: boolean }
  /** Notes, narratives, pasted text: a larger limit, never required. */
  | { readonly kind: 'long_text'; readonly maxLength: number }
  /** One of a fixed list; `default` is what rows that existed before the field get (and new rows may omit). */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly default?: string }
  /** A safe integer (|n| ≤ 2^53 − 1): larger ones cannot pass through JSON and JavaScript unchanged. */
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number; readonly nullable?: boolean }
  /** A finite number (no NaN, no ±Infinity, -0 stored as 0). */
  | { readonly kind: 'number'; readonly nullable?: boolean }
  /** Stored and logged as 0 or 1 (SQLite has no boolean; better-sqlite3 binds no JS boolean). */
  | { readonly kind: 'boolean'; readonly default?: 0 | 1 }
  /** A calendar date YYYY-MM-DD (audit days are dates in the engagement's time zone). */
  | { readonly kind: 'date'; readonly nullable?: boolean }
  /** A local time HH:MM (a session's start on the audit day). */
  | { readonly kind: 'local_time'; readonly nullable?: boolean }
  /** A UTC instant, ISO 8601 with milliseconds and Z. */
  | { readonly kind: 'instant'; readonly nullable?: boolean }
  | { readonly kind: 'time_zone' }
  /** An identifier of something outside this file's tables (an actor, a pack id). */
  | { readonly kind: 'id'; readonly nullable?: boolean }
  /** A row of another table of the file. */
  | { readonly kind: 'reference'; readonly table: string; readonly nullable?: boolean }
  /** A stored blob, by its SHA-256 (hex). */
  | { readonly kind: 'blob'; readonly nullable?: boolean };

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** Fields the user may change after the row exists (ids and parent links may not). */
  readonly editable: boolean;
}

export const text = <const N extends number>(maxLength: N, required = false) => ({ kind: 'text', maxLength, required }) as const;
export const longText = (maxLength = 200_000) => ({ kind: 'long_text', maxLength }) as const;
export const enumOf = <const V extends readonly string[]>(values: V, defaultValue?: V[number]) =>
  (defaultValue === undefined ? { kind: 'enum', values } : { kind: 'enum', values, default: defaultValue }) as { readonly kind: 'enum'; readonly values: V; readonly default?: V[number] };
export const integer = <const O extends { min?: number; max?: number; nullable?: boolean } = Record<never, never>>(options: O = {} as O) => ({ kind: 'integer', ...options }) as const;
export const number = <const O extends { nullable?: boolean } = Record<never, never>>(options: O = {} as O) => ({ kind: 'number', ...options }) as const;
/** A yes/no field; with a default, rows created without it (and rows from before the column) get it. */
export const boolean = <const D extends 0 | 1>(defaultValue?: D) => ({ kind: 'boolean', default: defaultValue }) as const;
export const date = <const N extends boolean = false>(nullable?: N) => ({ kind: 'date', nullable: (nullable ?? false) as N }) as const;
export const localTime = <const N extends boolean = false>(nullable?: N) => ({ kind: 'local_time', nullable: (nullable ?? false) as N }) as const;
export const instant = () => ({ kind: 'instant' }) as const;
export const timeZone = () => ({ kind: 'time_zone' }) as const;
export const id = <const N extends boolean = false>(nullable?: N) => ({ kind: 'id', nullable: (nullable ?? false) as N }) as const;
export const reference = <const T extends string, const N extends boolean = false>(table: T, nullable?: N) =>
  ({ kind: 'reference', table, nullable: (nullable ?? false) as N }) as const;
export const blob = <const N extends boolean = false>(nullable?: N) => ({ kind: 'blob', nullable: (nullable ?? false) as N }) as const;

export const editable = <const Name extends string, const T extends FieldType>(name: Name, type: T) => ({ name, type, editable: true }) as const;
export const fixed = <const Name extends string, const T extends FieldType>(name: Name, type: T) => ({ name, type, editable: false }) as const;

/** The JavaScript value a field holds (as read from SQLite and written through the store). */
export type FieldValue<T extends FieldType> = T extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : T extends { kind: 'integer' | 'number' }
    ? number | (T extends { nullable: true } ? null : never)
    : T extends { kind: 'boolean' }
      ? 0 | 1
      : T extends { nullable: true }
        ? string | null
        : string;
