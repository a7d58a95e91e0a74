import type { z } from 'zod';
import { CORE_CHANNELS } from './core-channels.ts';
import { FIELDWORK_CHANNELS } from './fieldwork-channels.ts';
import { CLOSING_CHANNELS } from './closing-channels.ts';
import { FINDING_CHANNELS } from './finding-channels.ts';
import { FOLLOW_UP_CHANNELS } from './follow-up-channels.ts';
import { NC_DOCUMENT_CHANNELS } from './nc-document-channels.ts';
import { NEXT_AUDIT_CHANNELS } from './next-audit-channels.ts';
import { NOTEBOOK_CHANNELS } from './notebook-channels.ts';
import { EVIDENCE_CHANNELS } from './evidence-channels.ts';
import { PACK_CHANNELS } from './pack-channels.ts';
import { PLAN_CHANNELS } from './plan-channels.ts';
import { PROFILE_CHANNELS } from './profile-channels.ts';
import { REPORT_CHANNELS } from './report-channels.ts';
import { ROW_CHANNELS } from './row-channels.ts';
import { SAMPLING_CHANNELS } from './sampling-channels.ts';
import { SIGNING_CHANNELS } from './signing-channels.ts';
import { TEAM_CHANNELS } from './team-channels.ts';

/**
 * The contract: channel → input schema + output type, names `capability:verb`. Each capability
 * declares its channels in its own file (shared/contract/<capability>-channels.ts); this one map
 * lists them all, and the router refuses to start while any of them has no handler.
 */
export const CHANNELS = combineChannels(CORE_CHANNELS, ROW_CHANNELS, PACK_CHANNELS, TEAM_CHANNELS, PROFILE_CHANNELS, NEXT_AUDIT_CHANNELS, PLAN_CHANNELS, FIELDWORK_CHANNELS, NOTEBOOK_CHANNELS, EVIDENCE_CHANNELS, FINDING_CHANNELS, CLOSING_CHANNELS, FOLLOW_UP_CHANNELS, NC_DOCUMENT_CHANNELS, REPORT_CHANNELS, SIGNING_CHANNELS, SAMPLING_CHANNELS);

type Intersection<T> = (T extends unknown ? (value: T) => void : never) extends (value: infer I) => void ? I : never;

/** Joins the capabilities' channel maps; a name declared twice is a wiring mistake caught at load. */
function combineChannels<const M extends readonly object[]>(...maps: M): Intersection<M[number]> {
  const combined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, declared] of Object.entries(map)) {
      if (Object.hasOwn(combined, name)) throw new Error(`Channel ${name} is declared twice`);
      combined[name] = declared;
    }
  }
  return combined as Intersection<M[number]>;
}

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.infer<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Channels[C]['output'];
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** Whether a parsed payload names an engagement handle: the router checks the caller leases it. */
export function handleOf(payload: unknown): string | null {
  const handle = (payload as { engagementHandle?: unknown } | null)?.engagementHandle;
  return typeof handle === 'string' ? handle : null;
}

/** Channels whose payload (or one of its variants) names an engagement handle. */
export function takesHandle(name: ChannelName): boolean {
  const input = CHANNELS[name].input as unknown as { shape?: Record<string, unknown>; options?: { shape: Record<string, unknown> }[] };
  if (input.shape) return 'engagementHandle' in input.shape;
  return Boolean(input.options?.some((option) => 'engagementHandle' in option.shape));
}
