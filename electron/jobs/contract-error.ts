import { RequestError } from '../../shared/contract/result.ts';
import { isStoreError } from '../../shared/store-errors.ts';

export interface ContractError {
  readonly code: string;
  readonly params: Record<string, unknown>;
}

/**
 * The error a caller sees, on any channel or job: a known code with its params, or INTERNAL with
 * nothing but `extra` — the unexpected error's own text is logged here, never sent.
 */
export function contractError(
  error: unknown,
  log: (message: string, error: unknown) => void,
  context: string,
  extra: Record<string, unknown> = {},
): ContractError {
  if ((isStoreError(error) && error.code !== 'INTERNAL') || error instanceof RequestError) {
    return { code: error.code, params: error.params };
  }
  log(`${context} failed`, error);
  return { code: 'INTERNAL', params: extra };
}
