import { AUDIT_TYPES, SITE_KINDS, STANDARD_EDITIONS, TEAM_ROLES } from '../../shared/engagement.ts';
import { isCalendarDate, isIanaTimeZone } from '../../shared/time.ts';

/**
 * Every table of the engagement file, described once. The merge engine, the change log and the
 * field validation read this; a test checks it against the real schema so it cannot drift.
 *
 * - mergeable: rows edited by several auditors; merged field by field through the change log.
 * - immutable: bulk data written once (sampling populations); merged as a unit by id and hash.
 * - log: bookkeeping that travels verbatim (replicas, the change log itself, file identity).
 */
export type TableClass = 'mergeable' | 'immutable' | 'log';

export type FieldType =
  | { readonly kind: 'text'; readonly maxLength: number; readonly required?: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'date' }
  | { readonly kind: 'time_zone' }
  | { readonly kind: 'id'; readonly nullable?: boolean };

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** Fields the user may change after the row exists (ids and parent links may not). */
  readonly editable: boolean;
}

export interface ParentLink {
  readonly field: string;
  readonly table: string;
}

export interface TableSpec {
  readonly name: string;
  readonly class: TableClass;
  /** Domain fields (merge columns id, created_by, updated_at, updated_by, deleted come on top). */
  readonly fields: readonly FieldSpec[];
  readonly parents: readonly ParentLink[];
  /** Columns whose values identify a row in every copy; its id is then UUIDv5 of them. */
  readonly naturalKey: readonly string[] | null;
}

export const MERGE_COLUMNS = ['id', 'created_by', 'updated_at', 'updated_by', 'deleted'] as const;

const text = (maxLength: number, required = false): FieldType => ({ kind: 'text', maxLength, required });
const editable = (name: string, type: FieldType): FieldSpec => ({ name, type, editable: true });
const fixed = (name: string, type: FieldType): FieldSpec => ({ name, type, editable: false });

export const TABLES: readonly TableSpec[] = [
  {
    name: 'engagement',
    class: 'mergeable',
    fields: [
      editable('client_name', text(300, true)),
      editable('client_address', text(1000)),
      editable('audit_type', { kind: 'enum', values: AUDIT_TYPES }),
      editable('standard_edition', { kind: 'enum', values: STANDARD_EDITIONS }),
      editable('certification_body', text(300)),
      editable('criteria', text(5000)),
      editable('objectives', text(5000)),
      editable('scope', text(10000)),
      editable('time_zone', { kind: 'time_zone' }),
      editable('start_date', { kind: 'date' }),
      editable('end_date', { kind: 'date' }),
      editable('checklist_pack_id', { kind: 'id', nullable: true }),
    ],
    parents: [],
    naturalKey: null,
  },
  {
    name: 'site',
    class: 'mergeable',
    fields: [
      fixed('engagement_id', { kind: 'id' }),
      editable('name', text(300, true)),
      editable('address', text(1000)),
      editable('country', text(100)),
      editable('kind', { kind: 'enum', values: SITE_KINDS }),
      editable('activities', text(5000)),
    ],
    parents: [{ field: 'engagement_id', table: 'engagement' }],
    naturalKey: null,
  },
  {
    name: 'team_member',
    class: 'mergeable',
    fields: [
      fixed('engagement_id', { kind: 'id' }),
      editable('actor_id', { kind: 'id', nullable: true }),
      editable('name', text(300, true)),
      editable('initials', text(10, true)),
      editable('role', { kind: 'enum', values: TEAM_ROLES }),
      editable('email', text(300)),
    ],
    parents: [{ field: 'engagement_id', table: 'engagement' }],
    naturalKey: null,
  },
  {
    // A checklist pack copied into the engagement: written once, merged as a unit by id and sha256.
    name: 'checklist_pack',
    class: 'immutable',
    fields: [
      fixed('pack_id', text(100, true)),
      fixed('version', text(40, true)),
      fixed('sha256', text(64, true)),
      fixed('title', text(5000, true)),
      fixed('content', text(50_000_000, true)),
      fixed('added_at', text(40, true)),
      fixed('added_by', { kind: 'id' }),
    ],
    parents: [],
    naturalKey: ['sha256'],
  },
  { name: 'file_meta', class: 'log', fields: [], parents: [], naturalKey: ['key'] },
  { name: 'schema_migration', class: 'log', fields: [], parents: [], naturalKey: ['version'] },
  { name: 'replica', class: 'log', fields: [], parents: [], naturalKey: null },
  { name: 'change_log', class: 'log', fields: [], parents: [{ field: 'replica_id', table: 'replica' }], naturalKey: ['replica_id', 'seq'] },
  { name: 'change_value', class: 'log', fields: [], parents: [{ field: 'replica_id', table: 'replica' }], naturalKey: ['replica_id', 'seq'] },
  { name: 'replica_knowledge', class: 'log', fields: [], parents: [{ field: 'replica_id', table: 'replica' }], naturalKey: ['replica_id', 'from_seq'] },
  // A projection of the log, rebuilt by the merge engine; never merged itself.
  { name: 'conflict', class: 'log', fields: [], parents: [], naturalKey: ['entity', 'row_id', 'field'] },
  { name: 'import_record', class: 'log', fields: [], parents: [], naturalKey: null },
  { name: 'member_copy', class: 'log', fields: [], parents: [], naturalKey: null },
];

export function tableSpec(name: string): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`Table ${name} is not in the registry`);
  return spec;
}

export function immutableTables(): TableSpec[] {
  return TABLES.filter((t) => t.class === 'immutable');
}

export function mergeableTables(): TableSpec[] {
  return TABLES.filter((t) => t.class === 'mergeable');
}

/** Why a value does not fit a field, or null when it fits. Shared by edits and (later) imports. */
export function fieldProblem(field: FieldSpec, value: unknown): string | null {
  const type = field.type;
  switch (type.kind) {
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      if (type.required && value.trim() === '') return 'must not be empty';
      if (value.length > type.maxLength) return `must be at most ${type.maxLength} characters`;
      return null;
    case 'enum':
      return typeof value === 'string' && type.values.includes(value) ? null : `must be one of ${type.values.join(', ')}`;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a calendar date (YYYY-MM-DD)';
    case 'time_zone':
      return typeof value === 'string' && isIanaTimeZone(value) ? null : 'must be an IANA time zone such as Europe/Berlin';
    case 'id':
      if (value === null && type.nullable) return null;
      return typeof value === 'string' && value.length > 0 && value.length <= 64 ? null : 'must be an id';
  }
}

/** Whether a row may be created without this field (the column has a default: '' or NULL). */
export function hasDefault(field: FieldSpec): boolean {
  return (field.type.kind === 'text' && !field.type.required) || (field.type.kind === 'id' && Boolean(field.type.nullable));
}
