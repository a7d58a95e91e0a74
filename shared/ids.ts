import { v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid';

/** A new time-ordered id for a mergeable row that has no natural key. */
export function newRowId(): string {
  return uuidv7();
}

/**
 * The id of a row that has a natural key (a response per question and auditor, an evidence blob by
 * SHA-256): every copy of the engagement derives the same id, so copies never collide.
 */
export function naturalRowId(engagementId: string, table: string, naturalKey: readonly string[]): string {
  return uuidv5(`${table}\u001f${naturalKey.join('\u001f')}`, engagementId);
}

export function isUuid(value: string, expectedVersion?: number): boolean {
  return validate(value) && (expectedVersion === undefined || version(value) === expectedVersion);
}
