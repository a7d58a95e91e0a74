import type { TFunction } from 'i18next';
import { ContractFailure, TransportFailure } from '../contract/client.ts';
import { formatBytes } from './format.ts';

/** Parameters that are sizes in bytes: shown in the reader's units (512 MB, 1,2 KB). */
const BYTE_PARAMS = ['size', 'limit', 'received', 'declared'] as const;

export interface ErrorMessage {
  readonly code: string;
  readonly title: string;
  readonly text: string;
}

/** Turns any failure into a title and a sentence that says what to do, from its contract code. */
export function errorMessage(t: TFunction, error: unknown): ErrorMessage {
  if (error instanceof ContractFailure) {
    const { code } = error.error;
    const params = { ...error.error.params };
    if (code.startsWith('EVIDENCE_')) {
      for (const name of BYTE_PARAMS) {
        const value = params[name];
        if (typeof value === 'number') params[name] = formatBytes(value);
      }
    }
    const key = `errors.${code}`;
    const title = t(`${key}.title`, { ...params, defaultValue: t('errors.INTERNAL.title') });
    let text = t(`${key}.text`, { ...params, defaultValue: t('errors.INTERNAL.text') });
    if (code === 'INVALID_VALUE' && typeof params.problem === 'string') text = `${String(params.field ?? '')} ${params.problem}.`;
    // Where the damage is, so the sender can look: the table, field and entry the check named.
    if ((code === 'MERGE_DAMAGED' || code === 'FILE_DAMAGED') && typeof params.entity === 'string' && params.entity) {
      const table = t(`team.entity.${params.entity}`, { defaultValue: params.entity });
      text = `${text} ${t('errorDetails.damagedAt', { table, field: params.field, seq: params.seq })}`;
    }
    // A package that only says it is newer (an unknown section or mode) names no version.
    if (code === 'MERGE_NEWER_VERSION' && !params.requiredVersion) text = t('errorDetails.newerUnknown');
    return { code, title, text };
  }
  if (error instanceof TransportFailure) return { code: 'OFFLINE', title: t('errors.OFFLINE.title'), text: t('errors.OFFLINE.text') };
  return { code: 'INTERNAL', title: t('errors.INTERNAL.title'), text: t('errors.INTERNAL.text') };
}

export function errorCode(error: unknown): string | null {
  return error instanceof ContractFailure ? error.error.code : null;
}
