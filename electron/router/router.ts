import { CHANNELS, type ChannelInput, type ChannelName, type ChannelOutput, handleOf } from '../../shared/contract/channels.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import { contractError } from '../jobs/contract-error.ts';
import { JobStarters } from './job-starters.ts';
import type { HandleLeases } from './handle-leases.ts';

/** Who is calling: an Electron window id or a browser page-session id. */
export interface CallContext {
  readonly owner: string;
}

export type Handler<C extends ChannelName> = (
  input: ChannelInput<C>,
  context: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

const isChannelName = (name: string): name is ChannelName => Object.hasOwn(CHANNELS, name);

/**
 * One router for both transports (IPC and the browser host). It parses every payload as unknown
 * against the channel's schema, checks engagement handles against the caller's leases, and turns
 * every outcome into a plain-JSON Result.
 */
export class Router {
  /** The starters of the contract's job kinds, registered per capability like the handlers. */
  readonly jobs = new JobStarters();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is a Handler of its own channel
  private readonly handlers = new Map<ChannelName, Handler<any>>();

  constructor(
    private readonly leases: HandleLeases,
    private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  ) {}

  register<C extends ChannelName>(name: C, handler: Handler<C>): void {
    if (this.handlers.has(name)) throw new Error(`Channel ${name} is already registered`);
    this.handlers.set(name, handler);
  }

  /** Channels of the contract that nothing handles (a wiring mistake the host checks at start). */
  unregistered(): ChannelName[] {
    return (Object.keys(CHANNELS) as ChannelName[]).filter((name) => !this.handlers.has(name));
  }

  async dispatch(name: string, payload: unknown, context: CallContext): Promise<Result<unknown>> {
    if (!isChannelName(name)) return fail('UNKNOWN_CHANNEL', { channel: String(name).slice(0, 100) });
    const handler = this.handlers.get(name);
    if (!handler) return fail('UNKNOWN_CHANNEL', { channel: name });
    const parsed = CHANNELS[name].input.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
      return fail('INVALID_PAYLOAD', { channel: name, issues });
    }
    const handle = handleOf(parsed.data);
    if (handle !== null && this.leases.owner(handle) !== context.owner) return fail('UNKNOWN_HANDLE', { channel: name });
    try {
      const value = await handler(parsed.data, context);
      // Both transports carry JSON: normalise here so the browser host tests what Electron runs.
      return ok(value === undefined ? null : JSON.parse(JSON.stringify(value)));
    } catch (error) {
      const { code, params } = contractError(error, this.log, `channel ${name}`, { channel: name });
      return { ok: false, error: { code, params } } as Result<unknown>;
    }
  }
}
