import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS, CHANNEL_NAMES, type ChannelName, takesHandle } from '../../shared/contract/channels.ts';
import { JOB_KINDS } from '../../shared/contract/jobs.ts';
import { RequestError } from '../../shared/contract/result.ts';
import type { AppInfo } from '../../shared/contract/views.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { WORKER_DIR, tempDir } from '../../tests/helpers/temp.ts';
import { EngagementService } from '../engagement/engagement-service.ts';
import { WorkspacePlatform } from '../host/workspace-platform.ts';
import { JobHub } from '../jobs/job-hub.ts';
import { HandleLeases } from './handle-leases.ts';
import { createRouter } from './handlers/index.ts';
import { type Handler, Router } from './router.ts';

/** The part of a JSON Schema (as zod 4 emits it for our channel inputs) that the generator reads. */
interface JsonSchema {
  /** A list for a nullable node (zod's .nullable(): ["number", "null"]). */
  readonly type?: JsonType | readonly JsonType[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

type JsonType = 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'null';

/** A nullable node as its non-null type, and whether null is valid there. */
function nonNull(schema: JsonSchema): { schema: JsonSchema & { type?: JsonType }; nullable: boolean } {
  // zod writes `.nullable()` of a bounded string as anyOf [the string, null]: the same as type [string, null].
  const variants = schema.anyOf;
  if (variants?.length === 2 && variants.some((v) => v.type === 'null')) {
    return { schema: variants.find((v) => v.type !== 'null') as JsonSchema & { type?: JsonType }, nullable: true };
  }
  if (!Array.isArray(schema.type)) return { schema: schema as JsonSchema & { type?: JsonType }, nullable: false };
  const types = schema.type as readonly JsonType[];
  return { schema: { ...schema, type: types.find((t) => t !== 'null') }, nullable: types.includes('null') };
}

/** A union of constants (a 0/1 flag). */
const constants = (schema: JsonSchema): readonly unknown[] | null => {
  const variants = schema.anyOf ?? schema.oneOf;
  return variants?.every((v) => v.const !== undefined) ? variants.map((v) => v.const) : null;
};

/** The variants of a union payload (job:start), or the schema itself. */
const variantsOf = (schema: JsonSchema): readonly JsonSchema[] => schema.oneOf ?? schema.anyOf ?? [schema];

const OWNER = 'window:1';
const jsonSchemaOf = (name: ChannelName): JsonSchema => z.toJSONSchema(CHANNELS[name].input, { io: 'input' }) as JsonSchema;

/**
 * Values for properties whose validity JSON Schema cannot express (refinements such as calendar
 * dates and IANA time zones): taken from the sample engagement, by property name.
 */
const KNOWN_VALID: Record<string, unknown> = {
  ...sampleEngagement(),
  // Pattern-checked strings of the pack channels.
  key: 'aw.iso20000-1.2018-amd1-2024@1.0.0',
  id: 'cb.example.iso20000-1',
  version: '1.0.0',
  edition: '2018',
  language: 'en',
};

/** A valid value for a schema node: the base every malformed case changes in exactly one place. */
function validValue(node: JsonSchema, name: string): unknown {
  if (name in KNOWN_VALID) return KNOWN_VALID[name];
  const { schema } = nonNull(node);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, validValue(schema.properties?.[key] ?? {}, key)]));
    case 'string':
      return schema.format === 'uuid' ? randomUUID() : 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => validValue(schema.items ?? {}, ''));
    default:
      if (schema.oneOf ?? schema.anyOf) return validValue(variantsOf(schema)[0]!, name);
      throw new Error(`the case generator does not know the schema ${JSON.stringify(schema)}`);
  }
}

/** Values of the wrong type (and, where the schema states a bound or a set, out of it) for a node. */
function wrongValues(node: JsonSchema): { label: string; value: unknown }[] {
  const { schema, nullable } = nonNull(node);
  const wrong: { label: string; value: unknown }[] = nullable ? [] : [{ label: 'null', value: null }];
  const allowed = constants(schema);
  if (allowed) return [...wrong, { label: 'outside the constants', value: 'not-one-of-them' }, { label: 'another number', value: 7 }];
  if (schema.const !== undefined) wrong.push({ label: 'another constant', value: `${String(schema.const)}-not` });
  if (schema.enum) wrong.push({ label: 'a value outside the enum', value: 'not-one-of-them' });
  // A choice between object shapes (a template: from the profile, or a file): none of them, or not an object.
  if (!schema.type && schema.anyOf?.every((variant) => variant.type === 'object')) {
    return [...wrong, { label: 'a string', value: 'text' }, { label: 'an array', value: [] }, { label: 'none of the shapes', value: {} }, { label: 'two shapes at once', value: Object.fromEntries(schema.anyOf.flatMap((variant) => Object.keys(variant.properties ?? {}).map((key) => [key, 'x']))) }];
  }
  switch (schema.type) {
    case 'object':
      wrong.push({ label: 'a string', value: 'text' }, { label: 'an array', value: [] }, { label: 'a number', value: 7 });
      break;
    case 'string':
      wrong.push({ label: 'a number', value: 42 }, { label: 'a boolean', value: true }, { label: 'an array', value: ['x'] });
      if (schema.format === 'uuid') wrong.push({ label: 'not a uuid', value: 'not-a-uuid' });
      if ((schema.minLength ?? 0) >= 1) wrong.push({ label: 'too short', value: '' });
      if (schema.maxLength !== undefined) wrong.push({ label: 'too long', value: 'x'.repeat(schema.maxLength + 1) });
      break;
    case 'integer':
    case 'number':
      if (schema.type === 'integer') wrong.push({ label: 'a fraction', value: 1.5 });
      wrong.push({ label: 'a numeric string', value: '12' }, { label: 'a boolean', value: true });
      if (schema.minimum !== undefined) wrong.push({ label: 'below the minimum', value: schema.minimum - 1 });
      if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) {
        wrong.push({ label: 'above the maximum', value: schema.maximum + 1 });
      }
      break;
    case 'boolean':
      wrong.push({ label: 'a string', value: 'true' }, { label: 'a number', value: 0 });
      break;
    case 'array':
      wrong.push({ label: 'a string', value: 'text' }, { label: 'an object', value: {} });
      if ((schema.minItems ?? 0) >= 1) wrong.push({ label: 'empty', value: [] });
      break;
    default:
      throw new Error(`the case generator does not know the schema ${JSON.stringify(schema)}`);
  }
  return wrong;
}

interface MalformedCase {
  readonly channel: ChannelName;
  readonly label: string;
  readonly payload: unknown;
  /** The issue path the answer must name ('(payload)' for the payload itself). */
  readonly path: string;
  /** Text the issue must contain besides its path (the name of an unknown key). */
  readonly mentions?: string;
}

const clone = <T>(value: T): T => structuredClone(value);

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown, remove = false): void {
  const [head, ...rest] = path;
  if (head === undefined) throw new Error('empty path');
  if (rest.length) return setAt(target[head] as Record<string, unknown>, rest, value, remove);
  if (remove) delete target[head];
  else target[head] = value;
}

/** Every malformed payload the schema of `channel` implies, each wrong in exactly one place. */
function malformedCases(channel: ChannelName): MalformedCase[] {
  return variantsOf(jsonSchemaOf(channel)).flatMap((variant, index) => malformedVariantCases(channel, variant, index === 0));
}

function malformedVariantCases(channel: ChannelName, root: JsonSchema, withNonObjects: boolean): MalformedCase[] {
  const base = validValue(root, '') as Record<string, unknown>;
  const cases: MalformedCase[] = [
    { channel, label: 'payload null', payload: null, path: '(payload)' },
    { channel, label: 'payload an array', payload: [], path: '(payload)' },
    { channel, label: 'payload a string', payload: 'text', path: '(payload)' },
    { channel, label: 'payload a number', payload: 42, path: '(payload)' },
    { channel, label: 'payload undefined', payload: undefined, path: '(payload)' },
  ].filter(() => withNonObjects);

  const walk = (schema: JsonSchema, at: readonly string[]): void => {
    const where = at.length ? at.join('.') : '(payload)';
    if (schema.additionalProperties === false) {
      const payload = clone(base);
      // An optional nested object is absent from the base: give it a valid body first.
      if (at.length && !hasPath(payload, at)) setAt(payload, at, validValue(schema, at.at(-1) ?? ''));
      if (at.length) setAt(payload, [...at, 'unexpectedKey'], 'surprise');
      else payload.unexpectedKey = 'surprise';
      cases.push({ channel, label: `unknown key in ${where}`, payload, path: where, mentions: 'unexpectedKey' });
    }
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const path = [...at, key];
      if (schema.required?.includes(key)) {
        const payload = clone(base);
        if (at.length && !hasPath(payload, at)) setAt(payload, at, validValue(schema, at.at(-1) ?? ''));
        setAt(payload, path, undefined, true);
        cases.push({ channel, label: `${path.join('.')} missing`, payload, path: path.join('.') });
      }
      for (const { label, value } of wrongValues(property)) {
        const payload = clone(base);
        // An optional nested object is absent from the base: give it a valid body first.
        if (at.length && !hasPath(payload, at)) setAt(payload, at, validValue(schema, at.at(-1) ?? ''));
        setAt(payload, path, value);
        cases.push({ channel, label: `${path.join('.')} ${label}`, payload, path: path.join('.') });
      }
      if (property.type === 'object') walk(property, path);
    }
  };
  walk(root, []);
  return cases;
}

function hasPath(value: Record<string, unknown>, path: readonly string[]): boolean {
  let at: unknown = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !(key in at)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

/** A router with a spy on every channel; handles in valid payloads are leased to OWNER. */
function spyRouter(): { router: Router; leases: HandleLeases; spies: Map<ChannelName, ReturnType<typeof vi.fn>>; log: ReturnType<typeof vi.fn> } {
  const leases = new HandleLeases();
  const log = vi.fn();
  const router = new Router(leases, log);
  const spies = new Map<ChannelName, ReturnType<typeof vi.fn>>();
  for (const name of CHANNEL_NAMES) {
    const spy = vi.fn(() => null);
    spies.set(name, spy);
    router.register(name, spy as Handler<typeof name>);
  }
  return { router, leases, spies, log };
}

/**
 * A router whose handlers only note that they were called: plain functions, not vi.fn — vitest keeps
 * every mock it ever made, and eight thousand cases × every channel's spy outgrew the 4 GB heap.
 */
function countingRouter(): { router: Router; leases: HandleLeases; called: Set<ChannelName> } {
  const leases = new HandleLeases();
  const router = new Router(leases, () => undefined);
  const called = new Set<ChannelName>();
  for (const name of CHANNEL_NAMES) {
    router.register(name, (() => {
      called.add(name);
      return null;
    }) as Handler<typeof name>);
  }
  return { router, leases, called };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ALL_CASES = CHANNEL_NAMES.flatMap(malformedCases);

describe('the router rejects malformed payloads on every channel, cases generated from the schemas', () => {
  it('generates cases for every channel of the contract', () => {
    const covered = new Set(ALL_CASES.map((c) => c.channel));
    expect([...covered].sort()).toEqual([...CHANNEL_NAMES].sort());
    // Every property of every channel is exercised: at least the 5 non-object payloads per channel
    // plus one unknown key, and more for each property.
    for (const name of CHANNEL_NAMES) {
      const properties = Object.keys(jsonSchemaOf(name).properties ?? {});
      const cases = ALL_CASES.filter((c) => c.channel === name);
      expect(cases.length).toBeGreaterThanOrEqual(6 + properties.length);
      for (const property of properties) expect(cases.some((c) => c.path === property)).toBe(true);
    }
  });

  it.each(CHANNEL_NAMES)('%s: the generated valid base payload is accepted (so each case is wrong only where it says)', async (name) => {
    const { router, leases, spies } = spyRouter();
    const payload = validValue(jsonSchemaOf(name), '') as Record<string, unknown>;
    if (takesHandle(name)) leases.lease(payload.engagementHandle as string, OWNER);
    expect(CHANNELS[name].input.safeParse(payload).success).toBe(true);
    expect(await router.dispatch(name, payload, { owner: OWNER })).toEqual({ ok: true, value: null });
    expect(spies.get(name)).toHaveBeenCalledTimes(1);
  });

  it.each(ALL_CASES)('$channel: $label', async ({ channel, payload, path, mentions }) => {
    const { router, leases, called } = countingRouter();
    // Lease every handle the payload may carry, so only the payload's shape can refuse it.
    const handle = (payload as { engagementHandle?: unknown } | null)?.engagementHandle;
    if (typeof handle === 'string') leases.lease(handle, OWNER);

    const result = await router.dispatch(channel, payload, { owner: OWNER });

    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', params: { channel, issues: expect.any(Array) } },
    });
    if (result.ok) throw new Error('accepted');
    const issues = result.error.params.issues as readonly string[];
    const named = issues.filter((issue) => new RegExp(`^${escapeRegExp(path)}: `).test(issue));
    expect(named, `issues ${JSON.stringify(issues)} should name ${path}`).not.toHaveLength(0);
    if (mentions) expect(named.join('\n')).toContain(mentions);
    expect([...called]).toEqual([]);
  });
});

describe('Router', () => {
  it('refuses to register a channel twice', () => {
    const router = new Router(new HandleLeases());
    router.register('app:info', () => ({ version: '1', fileAccess: 'workspace', platform: 'web' }));
    expect(() => router.register('app:info', () => ({ version: '2', fileAccess: 'workspace', platform: 'web' }))).toThrow(
      /already registered/,
    );
  });

  it('answers UNKNOWN_CHANNEL for names outside the contract, inherited names and unhandled channels', async () => {
    const { router, spies } = spyRouter();
    for (const name of ['nope:verb', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'APP:INFO']) {
      expect(await router.dispatch(name, {}, { owner: OWNER })).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', params: { channel: name } },
      });
    }
    const long = 'x'.repeat(500);
    expect(await router.dispatch(long, {}, { owner: OWNER })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', params: { channel: long.slice(0, 100) } },
    });
    for (const spy of spies.values()) expect(spy).not.toHaveBeenCalled();

    const bare = new Router(new HandleLeases());
    expect(bare.unregistered()).toEqual(CHANNEL_NAMES);
    expect(await bare.dispatch('app:info', {}, { owner: OWNER })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', params: { channel: 'app:info' } },
    });
  });

  it.each(CHANNEL_NAMES.filter(takesHandle))(
    '%s: a handle leased to another owner, or to nobody, is UNKNOWN_HANDLE and the handler is not called',
    async (name) => {
      const { router, leases, spies } = spyRouter();
      const payload = validValue(jsonSchemaOf(name), '') as { engagementHandle: string };
      leases.lease(payload.engagementHandle, 'page:someone-else');
      const refused = { ok: false, error: { code: 'UNKNOWN_HANDLE', params: { channel: name } } };
      expect(await router.dispatch(name, payload, { owner: OWNER })).toEqual(refused);
      leases.release(payload.engagementHandle);
      expect(await router.dispatch(name, payload, { owner: OWNER })).toEqual(refused);
      expect(spies.get(name)).not.toHaveBeenCalled();

      leases.lease(payload.engagementHandle, OWNER);
      expect(await router.dispatch(name, payload, { owner: OWNER })).toEqual({ ok: true, value: null });
      expect(spies.get(name)).toHaveBeenCalledTimes(1);
    },
  );

  it('passes the parsed input (trimmed) and the caller to the handler', async () => {
    const router = new Router(new HandleLeases());
    const handler = vi.fn(({ name, initials }: { name: string; initials: string }) => ({ actorId: 'a', name, initials, language: null }));
    router.register('installation:set', handler);
    const result = await router.dispatch('installation:set', { name: '  Dana Auditor ', initials: ' DA' }, { owner: OWNER });
    expect(result).toEqual({ ok: true, value: { actorId: 'a', name: 'Dana Auditor', initials: 'DA', language: null } });
    expect(handler).toHaveBeenCalledWith({ name: 'Dana Auditor', initials: 'DA' }, { owner: OWNER });
  });

  it('returns a StoreError or RequestError thrown by a handler as its code and params', async () => {
    const log = vi.fn();
    const router = new Router(new HandleLeases(), log);
    router.register('recent:list', () => {
      throw new StoreError('BACKUP_NOT_FOUND', 'no such backup', { backupId: 'b1', tries: 2, gone: true });
    });
    router.register('files:list', async () => {
      throw new RequestError('PATH_OUTSIDE_WORKSPACE', 'outside', { file: '../x' });
    });
    expect(await router.dispatch('recent:list', {}, { owner: OWNER })).toEqual({
      ok: false,
      error: { code: 'BACKUP_NOT_FOUND', params: { backupId: 'b1', tries: 2, gone: true } },
    });
    expect(await router.dispatch('files:list', {}, { owner: OWNER })).toEqual({
      ok: false,
      error: { code: 'PATH_OUTSIDE_WORKSPACE', params: { file: '../x' } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('turns any other error into INTERNAL without leaking its message, and logs it', async () => {
    const log = vi.fn();
    const router = new Router(new HandleLeases(), log);
    const secret = new Error('SQLITE_CORRUPT at /home/dana/secret/path.iso20k');
    router.register('recent:list', () => {
      throw secret;
    });
    router.register('files:list', () => Promise.reject(new TypeError('x is undefined at /srv/app')));
    const result = await router.dispatch('recent:list', {}, { owner: OWNER });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', params: { channel: 'recent:list' } } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|secret|dana/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('recent:list'), secret);
    const rejected = await router.dispatch('files:list', {}, { owner: OWNER });
    expect(rejected).toEqual({ ok: false, error: { code: 'INTERNAL', params: { channel: 'files:list' } } });
    expect(JSON.stringify(rejected)).not.toContain('/srv/app');
  });

  it('an INTERNAL error from a worker crosses without its raw text (what it said is logged)', async () => {
    const log = vi.fn();
    const router = new Router(new HandleLeases(), log);
    // What a worker sent for a raw SQLite or JSON error before: INTERNAL with the message as a param.
    const fromWorker = new StoreError('INTERNAL', 'Bad control character in string literal in JSON at position 12', {
      detail: 'Bad control character in string literal in JSON at position 12',
    });
    router.register('recent:list', () => {
      throw fromWorker;
    });
    const result = await router.dispatch('recent:list', {}, { owner: OWNER });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', params: { channel: 'recent:list' } } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('recent:list'), fromWorker);
  });

  it('answers plain JSON: Dates become strings, undefined fields vanish, undefined becomes null', async () => {
    const router = new Router(new HandleLeases());
    router.register(
      'app:info',
      () =>
        ({
          version: '1.0.0',
          at: new Date('2026-12-07T09:00:00.000Z'),
          gone: undefined,
          list: [undefined, 1, new Map([['k', 1]])],
          nested: { n: NaN },
        }) as unknown as AppInfo,
    );
    router.register('files:list', () => undefined as unknown as []);
    const result = await router.dispatch('app:info', {}, { owner: OWNER });
    expect(result).toStrictEqual({
      ok: true,
      value: { version: '1.0.0', at: '2026-12-07T09:00:00.000Z', list: [null, 1, {}], nested: { n: null } },
    });
    expect(await router.dispatch('files:list', {}, { owner: OWNER })).toStrictEqual({ ok: true, value: null });
  });
});

describe('createRouter', () => {
  let service: EngagementService | null = null;
  afterEach(async () => {
    await service?.shutdown();
    service = null;
  });

  it('registers every channel of the contract with the real handlers', async () => {
    service = await EngagementService.start({ appDataDir: tempDir(), workerDir: WORKER_DIR, rollingBackupIntervalMs: 0 });
    const platform = new WorkspacePlatform({ workspaceDir: tempDir(), appDataDir: tempDir() });
    const router = createRouter({ service, platform, leases: new HandleLeases(), jobs: new JobHub(), appVersion: '9.9.9' });
    expect(router.unregistered()).toEqual([]);
    for (const name of CHANNEL_NAMES) {
      expect(() => router.register(name, () => null as never), name).toThrow(/already registered/);
    }
    expect(await router.dispatch('app:info', {}, { owner: OWNER })).toEqual({
      ok: true,
      value: { version: '9.9.9', fileAccess: 'workspace', platform: 'web' },
    });
    expect(await router.dispatch('installation:get', {}, { owner: OWNER })).toEqual({ ok: true, value: null });
    expect(await router.dispatch('files:list', {}, { owner: OWNER })).toEqual({ ok: true, value: [] });
  });
});

describe('job kinds', () => {
  it('createRouter refuses to start while a job kind of the contract has no starter, and a kind registers once', () => {
    const router = new Router(new HandleLeases());
    expect(router.jobs.unregistered()).toEqual(JOB_KINDS);
    const start = () => ({ jobId: 'j', result: Promise.resolve(null as never) });
    router.jobs.register('engagement:checkFile', start);
    expect(() => router.jobs.register('engagement:checkFile', start)).toThrow(/already registered/);
    expect(router.jobs.unregistered()).not.toContain('engagement:checkFile');
  });
});
