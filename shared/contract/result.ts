import { STORE_ERROR_CODES, type ErrorParams } from '../store-errors.ts';

/** Codes the transports add to the store's own. */
export const TRANSPORT_ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'PATH_OUTSIDE_WORKSPACE',
  'NOT_SUPPORTED',
  'OPEN_ELSEWHERE',
] as const;

/** Why a document could not be exported (the engine's and the CB template's refusals). */
export const DOCUMENT_ERROR_CODES = ['DOCUMENT_IMAGE_REFUSED', 'DOCUMENT_FONT_MISSING', 'DOCUMENT_RENDER_FAILED', 'TEMPLATE_REFUSED', 'NO_TEMPLATE'] as const;

/** Why a signing identity, its key file or a certificate could not be read, stored or unlocked (issue 19, electron/signing/). */
export const SIGNING_IDENTITY_ERROR_CODES = [
  'P12_WRONG_PASSWORD',
  'P12_NO_PRIVATE_KEY',
  'P12_UNREADABLE',
  'KEY_PASSPHRASE_REQUIRED',
  'KEY_PASSPHRASE_WRONG',
  'KEY_PASSPHRASE_WEAK',
  'SIGNING_IDENTITY_MISSING',
  'SIGNING_IDENTITY_EXISTS',
  'SIGNING_KEY_UNAVAILABLE',
  'CERTIFICATE_UNREADABLE',
  // a file given to verify that is no signed report (not a PDF; a further signature on a Word file)
  'SIGNATURE_UNREADABLE',
] as const;

export const CONTRACT_ERROR_CODES = [...STORE_ERROR_CODES, ...TRANSPORT_ERROR_CODES, ...DOCUMENT_ERROR_CODES, ...SIGNING_IDENTITY_ERROR_CODES] as const;
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

export interface ContractError {
  readonly code: ContractErrorCode;
  readonly params: ErrorParams;
}

/** Every call answers with this plain-JSON envelope on both transports; the renderer translates codes. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ContractErrorCode, params: ErrorParams = {}): Result<never> => ({ ok: false, error: { code, params } });

/** Thrown by handlers for transport-level refusals (a path outside the workspace, another window's engagement). */
export class RequestError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
