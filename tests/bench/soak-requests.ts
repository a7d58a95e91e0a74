/**
 * The malformed traffic of the soak benchmark: what a broken or hostile page on this machine could
 * send to the browser host. Every kind of refusal the host has is exercised (transport checks,
 * bad JSON, wrong shapes for every channel, unknown channels and handles), and every authorised
 * request carries a page-session id never seen before, so anything the host keeps per session
 * shows up as growth from pass to pass.
 */
import { randomUUID } from 'node:crypto';
import { CHANNEL_NAMES, takesHandle, type ChannelName } from '../../shared/contract/channels.ts';
import { mulberry32 } from '../helpers/prng.ts';

export interface SoakRequest {
  readonly kind: string;
  readonly method: 'POST' | 'GET' | 'PUT';
  readonly path: string;
  /** Header overrides; undefined drops the default (token, Origin, Host, page session). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/** Payloads that no channel accepts, or accepts only in the wrong place. */
const WRONG_SHAPES: readonly unknown[] = [
  [],
  null,
  42,
  'payload',
  { unexpected: true },
  { engagementHandle: 5 },
  { engagementHandle: 'not-a-uuid' },
  { file: '' },
  { file: 'x'.repeat(5000) },
  { afterSeq: -1, waitMs: 60_000 },
  { kind: 'engagement:wipe', engagementHandle: randomUUID() },
  Array.from({ length: 1000 }, (_, i) => i),
  // Nested 40 deep: zod walks it before refusing the unknown key.
  JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown,
  { patch: { client_name: '', start_date: '2026-02-30', time_zone: 'Mars/Olympus' }, engagementHandle: randomUUID() },
];

const BAD_JSON = ['{', '{"afterSeq": 1,}', 'not json', "{'a': 1}", '[1, 2', '\u0000\u0001\u0002', `${'['.repeat(3000)}`, '{"a": NaN}', 'undefined'];

const UNKNOWN_CHANNELS = ['nope:nothing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%E0%A4%A', '..%2F..%2Fetc', 'engagement:', 'x'.repeat(2000)];

/** A well-formed payload naming a handle nobody holds (the router's lease check refuses it). */
function withUnknownHandle(channel: ChannelName): unknown {
  const engagementHandle = randomUUID();
  switch (channel) {
    case 'engagement:update':
      return { engagementHandle, patch: { objectives: 'changed' } };
    case 'engagement:fieldAuthors':
      return { engagementHandle, entity: 'site', rowId: 'row-1' };
    case 'engagement:tableAuthors':
      return { engagementHandle, entity: 'site' };
    case 'rows:create':
      return { engagementHandle, table: 'site', values: { name: 'Soak site', kind: 'permanent' } };
    case 'rows:update':
      return { engagementHandle, table: 'site', id: 'row-1', patch: { name: 'Soak site' } };
    case 'rows:delete':
    case 'rows:restore':
      return { engagementHandle, table: 'site', id: 'row-1' };
    case 'engagement:choosePack':
      return { engagementHandle, key: 'iso20000-1@1.0.0' };
    case 'team:decide':
      return { engagementHandle, decisions: [{ entity: 'site', rowId: 'r', field: 'name', replicaId: 'x', seq: 1 }] };
    case 'job:start':
      return { kind: 'engagement:saveCopy', engagementHandle, file: 'copy.iso20k' };
    default:
      return { engagementHandle };
  }
}

const HANDLE_CHANNELS = CHANNEL_NAMES.filter(takesHandle);
const MiB = 1024 * 1024;
/** One request in this many carries a large body. */
const LARGE_EVERY = 500;

/**
 * `count` requests, the same kinds in the same order in every pass; `seed` picks the page-session
 * ids and random names, so give each pass its own seed to make every session new.
 */
export function soakRequests(count: number, seed: number): SoakRequest[] {
  const random = mulberry32(seed);
  const id = (): string => `soak-${Math.floor(random() * 2 ** 32).toString(16)}-${Math.floor(random() * 2 ** 32).toString(16)}`;
  const post = (kind: string, channel: string, body: string, headers: Record<string, string | undefined> = {}): SoakRequest => ({
    kind,
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'X-Page-Session': id(), ...headers },
    body,
  });
  const makers: ((i: number) => SoakRequest)[] = [
    (i) => post('bad JSON', CHANNEL_NAMES[i % CHANNEL_NAMES.length]!, BAD_JSON[i % BAD_JSON.length]!),
    (i) => post('wrong shape', CHANNEL_NAMES[i % CHANNEL_NAMES.length]!, JSON.stringify(WRONG_SHAPES[i % WRONG_SHAPES.length])),
    (i) => post('wrong shape', CHANNEL_NAMES[(i * 7) % CHANNEL_NAMES.length]!, JSON.stringify(WRONG_SHAPES[(i * 3) % WRONG_SHAPES.length])),
    (i) => post('unknown channel', `${UNKNOWN_CHANNELS[i % UNKNOWN_CHANNELS.length]!}${i % 2 ? id() : ''}`, '{}'),
    (i) => {
      const channel = HANDLE_CHANNELS[i % HANDLE_CHANNELS.length]!;
      return post('unknown handle', channel, JSON.stringify(withUnknownHandle(channel)));
    },
    // A new page's first long-poll and a cancel of a job it never had.
    () => post('poll, new session', 'jobs:poll', JSON.stringify({ afterSeq: Math.floor(random() * 5), waitMs: 0 })),
    () => post('cancel, unknown job', 'job:cancel', JSON.stringify({ jobId: id() })),
    () => post('handles, new session', 'engagement:handles', '{}'),
    (i) => post('bad page session', 'app:info', '{}', { 'X-Page-Session': [undefined, 'short', 'bad session!', 'x'.repeat(65)][i % 4] }),
    (i) => post('bad token', 'app:info', '{}', { Authorization: [undefined, 'Bearer wrong', 'Basic abc'][i % 3] }),
    (i) => post('bad origin', 'app:info', '{}', { Origin: [undefined, 'http://evil.example', 'null'][i % 3] }),
    () => post('bad host', 'app:info', '{}', { Host: 'evil.example:80' }),
    (i) => ({ kind: 'not POST', method: i % 2 ? 'GET' : 'PUT', path: '/api/app:info', headers: {}, body: '' }),
  ];
  const requests = Array.from({ length: count }, (_, i) => makers[i % makers.length]!(Math.floor(i / makers.length)));
  // A few large bodies: 2 MiB of JSON the schemas refuse, and 9 MiB, over the host's 8 MiB limit (413).
  for (let i = LARGE_EVERY / 2, n = 0; i < count; i += LARGE_EVERY, n++) {
    requests[i] = n % 2
      ? post('over 8 MiB', 'engagement:open', `{"file":"${'x'.repeat(9 * MiB)}"}`)
      : post('2 MiB wrong shape', CHANNEL_NAMES[n % CHANNEL_NAMES.length]!, JSON.stringify({ file: 'x'.repeat(2 * MiB) }));
  }
  return requests;
}
