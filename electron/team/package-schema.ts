import { z } from 'zod';

/**
 * A return package: the change-log entries a copy has that its base did not, with their values,
 * the replicas that wrote them and what those replicas had seen. Parsed as unknown on import.
 */
export const PACKAGE_FORMAT = 'audit-workbench-return-package';
export const PACKAGE_FORMAT_VERSION = 1;

/** A logged value's JSON: an immutable row (a whole checklist pack, several languages) is the largest. */
export const MAX_VALUE_CHARS = 64_000_000;

const id = z.string().min(1).max(100);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const packageEntrySchema = z
  .object({
    replica_id: id,
    seq: z.number().int().min(1),
    prev_hash: hash,
    entity: z.string().min(1).max(100),
    row_id: id,
    field: z.string().min(1).max(100),
    old_hash: hash,
    new_hash: hash,
    hlc: z.string().regex(/^\d{15}:[0-9a-f]{4}:.+$/),
    wall_time: z.string().min(1).max(40),
    actor_id: id,
    flags: z.number().int().min(0),
    settles: z.string().max(100_000).nullable(),
    entry_hash: hash,
    salt: z.string().max(100).nullable(),
    old_value: z.string().max(MAX_VALUE_CHARS).nullable(),
    new_value: z.string().max(MAX_VALUE_CHARS).nullable(),
  })
  .strict();

export const returnPackageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.number().int().min(1),
    engagementId: id,
    clientName: z.string().max(300),
    createdAt: z.string().max(40),
    createdBy: z.object({ actorId: id, name: z.string().max(200), initials: z.string().max(10) }).strict(),
    appVersion: z.string().max(40),
    minAppVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1),
    sourceFileInstanceId: id,
    base: z.record(z.string(), z.number().int().min(0)),
    replicas: z.array(z.object({ id, actor_id: id, file_instance_id: id, created_at: z.string().max(40) }).strict()),
    knowledge: z.array(z.object({ replica_id: id, from_seq: z.number().int().min(1), heads: z.string().max(100_000) }).strict()),
    entries: z.array(packageEntrySchema),
  })
  .strict();

export type ReturnPackage = z.infer<typeof returnPackageSchema>;
export type PackageEntry = z.infer<typeof packageEntrySchema>;

/*
 * The same checks as returnPackageSchema, written out by hand: zod took ~40 % of decoding a
 * 5,000-row package (BENCHMARKS.md, Merge). isReturnPackage(x) implies returnPackageSchema accepts x
 * (it is never more lenient); whatever it turns down goes through zod, which decides and words the
 * error. merge-differential.test.ts checks that the two agree.
 */
const HASH = /^[0-9a-f]{64}$/;
const HLC = /^\d{15}:[0-9a-f]{4}:.+$/;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isId = (value: unknown): boolean => isText(value, 1, 100);
const isHash = (value: unknown): boolean => typeof value === 'string' && HASH.test(value);
const isInt = (value: unknown, min: number): boolean => Number.isSafeInteger(value) && (value as number) >= min;
const isNullableText = (value: unknown, max: number): boolean => value === null || isText(value, 0, max);
/** Exactly these keys (a strict object); every key is required. */
function hasExactly(value: Fields, keys: number): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    count++;
  }
  return count === keys;
}

function isEntry(e: unknown): e is PackageEntry {
  return (
    isObject(e) &&
    hasExactly(e, 17) &&
    isId(e.replica_id) &&
    isInt(e.seq, 1) &&
    isHash(e.prev_hash) &&
    isText(e.entity, 1, 100) &&
    isId(e.row_id) &&
    isText(e.field, 1, 100) &&
    isHash(e.old_hash) &&
    isHash(e.new_hash) &&
    typeof e.hlc === 'string' &&
    HLC.test(e.hlc) &&
    isText(e.wall_time, 1, 40) &&
    isId(e.actor_id) &&
    isInt(e.flags, 0) &&
    isNullableText(e.settles, 100_000) &&
    isHash(e.entry_hash) &&
    isNullableText(e.salt, 100) &&
    isNullableText(e.old_value, MAX_VALUE_CHARS) &&
    isNullableText(e.new_value, MAX_VALUE_CHARS)
  );
}

function isReturnPackage(p: unknown): p is ReturnPackage {
  if (!isObject(p) || !hasExactly(p, 14)) return false;
  const { createdBy, base, replicas, knowledge, entries } = p;
  return (
    p.format === PACKAGE_FORMAT &&
    isInt(p.formatVersion, 1) &&
    isId(p.engagementId) &&
    isText(p.clientName, 0, 300) &&
    isText(p.createdAt, 0, 40) &&
    isObject(createdBy) &&
    hasExactly(createdBy, 3) &&
    isId(createdBy.actorId) &&
    isText(createdBy.name, 0, 200) &&
    isText(createdBy.initials, 0, 10) &&
    isText(p.appVersion, 0, 40) &&
    isText(p.minAppVersion, 0, 40) &&
    isInt(p.schemaVersion, 1) &&
    isId(p.sourceFileInstanceId) &&
    isObject(base) &&
    Object.getPrototypeOf(base) === Object.prototype &&
    !Object.hasOwn(base, '__proto__') &&
    hasExactly(base, Object.keys(base).length) &&
    Object.values(base).every((n) => isInt(n, 0)) &&
    Array.isArray(replicas) &&
    replicas.every(
      (r) => isObject(r) && hasExactly(r, 4) && isId(r.id) && isId(r.actor_id) && isId(r.file_instance_id) && isText(r.created_at, 0, 40),
    ) &&
    Array.isArray(knowledge) &&
    knowledge.every((k) => isObject(k) && hasExactly(k, 3) && isId(k.replica_id) && isInt(k.from_seq, 1) && isText(k.heads, 0, 100_000)) &&
    Array.isArray(entries) &&
    entries.every(isEntry)
  );
}

export type EntryParse = { readonly success: true; readonly data: PackageEntry } | { readonly success: false; readonly error: z.ZodError };

/** Validates one parsed entry (a streamed package's entries arrive in pieces): the same two steps. */
export function parsePackageEntry(json: unknown): EntryParse {
  if (isEntry(json)) return { success: true, data: json };
  const parsed = packageEntrySchema.safeParse(json);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}

export type PackageParse = { readonly success: true; readonly data: ReturnPackage } | { readonly success: false; readonly error: z.ZodError };

/** Validates a parsed package: the hand-written checks first, zod for anything they turn down. */
export function parseReturnPackage(json: unknown): PackageParse {
  if (isReturnPackage(json)) return { success: true, data: json };
  const parsed = returnPackageSchema.safeParse(json);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}
