import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ContractError } from '../../../shared/contract/result.ts';
import { createTransport, type Transport } from './transport.ts';

/** A refused call: the code is translated for the user by errorMessage(). */
export class ContractFailure extends Error {
  constructor(readonly error: ContractError) {
    super(error.code);
    this.name = 'ContractFailure';
  }
}

/** The network failed (host stopped, page unloading): not a contract answer. */
export class TransportFailure extends Error {}

let transport: Transport | null = null;

/** The renderer's only way to the services: typed by the contract, answers unwrapped. */
export async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  transport ??= createTransport();
  let result;
  try {
    result = await transport.invoke(channel, input);
  } catch (error) {
    throw new TransportFailure(error instanceof Error ? error.message : String(error));
  }
  if (!result.ok) throw new ContractFailure(result.error);
  return result.value as ChannelOutput<C>;
}

export function hasWebToken(): boolean {
  transport ??= createTransport();
  return !('hasToken' in transport) || Boolean((transport as { hasToken: boolean }).hasToken);
}
