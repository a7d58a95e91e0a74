import { describe, expect, it } from 'vitest';
import { StoreError } from '../../shared/store-errors.ts';
import { mergeError, receivedFileError } from './received-file-errors.ts';

const sqlite = (code: string, message = 'raw SQLite text'): Error => Object.assign(new Error(message), { code });
const answer = (error: unknown) => (error instanceof StoreError ? { code: error.code, params: error.params } : error);

describe('what a failure with a received file tells the user', () => {
  it('reading the file: the received file is damaged, not closed, not a package or newer', () => {
    expect(answer(receivedFileError(new StoreError('HOT_JOURNAL', 'x')))).toEqual({ code: 'MERGE_NOT_CLOSED', params: { reason: 'hot_journal' } });
    expect(answer(receivedFileError(new StoreError('TRUNCATED', 'x', { path: '/home/x' })))).toEqual({ code: 'MERGE_DAMAGED', params: { reason: 'truncated' } });
    expect(answer(receivedFileError(new StoreError('NEWER_VERSION', 'x', { requiredVersion: '2.0.0', path: '/x' })))).toEqual({
      code: 'MERGE_NEWER_VERSION',
      params: { requiredVersion: '2.0.0' },
    });
    expect(answer(receivedFileError(new SyntaxError('Bad control character in string literal in JSON at position 12')))).toEqual({
      code: 'MERGE_DAMAGED',
      params: { reason: 'unreadable_value' },
    });
    expect(answer(receivedFileError(sqlite('SQLITE_CORRUPT_INDEX')))).toEqual({ code: 'MERGE_DAMAGED', params: { reason: 'corrupt' } });
    expect(answer(receivedFileError(sqlite('SQLITE_READONLY_ROLLBACK', 'attempt to write a readonly database')))).toMatchObject({ code: 'MERGE_NOT_CLOSED' });
  });

  it('merging a verified package: values that break the file\'s rules are the package\'s; damage and a full disk are this engagement\'s', () => {
    expect(answer(mergeError(sqlite('SQLITE_CONSTRAINT_NOTNULL')))).toEqual({ code: 'MERGE_DAMAGED', params: { reason: 'invalid_value' } });
    expect(answer(mergeError(sqlite('SQLITE_CORRUPT')))).toMatchObject({ code: 'CORRUPT' });
    expect(answer(mergeError(new SyntaxError('Unexpected token')))).toMatchObject({ code: 'CORRUPT' });
    expect(answer(mergeError(sqlite('SQLITE_FULL')))).toMatchObject({ code: 'IO_ERROR' });
    const unexpected = new TypeError('x is undefined');
    expect(mergeError(unexpected)).toBe(unexpected); // stays INTERNAL, logged where it is caught
  });
});
