import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { HOT_JOURNAL_MAGIC } from './file-format.ts';
import { classifyJournal } from './journal-check.ts';

/** A journal header as SQLite lays it out: magic, record count, nonce, initial size, sector size, page size. */
function header(magic: Buffer, records: number, pageSize: number, sectorSize = 512): Buffer {
  const bytes = Buffer.alloc(sectorSize);
  magic.copy(bytes, 0);
  bytes.writeUInt32BE(records, 8);
  bytes.writeUInt32BE(0x5eed1234, 12);
  bytes.writeUInt32BE(12, 16);
  bytes.writeUInt32BE(sectorSize, 20);
  bytes.writeUInt32BE(pageSize, 24);
  return bytes;
}

function journal(bytes: Buffer): string {
  const file = path.join(tempDir(), 'engagement.iso20k-journal');
  fs.writeFileSync(file, bytes);
  return file;
}

describe('classifyJournal', () => {
  it('no journal and an empty one are nothing', () => {
    expect(classifyJournal(path.join(tempDir(), 'none-journal'), 4096)).toBe('none');
    expect(classifyJournal(journal(Buffer.alloc(0)), 4096)).toBe('none');
  });

  it('a journal whose magic is zeroed is a leftover: after exclusive mode, or cut off before its first sync', () => {
    expect(classifyJournal(journal(Buffer.alloc(28)), 4096)).toBe('leftover');
    // Written but never synced: SQLite puts the magic only at the sync, so it never plays this back.
    expect(classifyJournal(journal(header(Buffer.alloc(8), 0, 4096)), 4096)).toBe('leftover');
  });

  it('the magic with our page size is hot; with another page size, or another database’s page 1, it is foreign', () => {
    expect(classifyJournal(journal(header(HOT_JOURNAL_MAGIC, 0, 4096)), 4096)).toBe('hot');
    expect(classifyJournal(journal(header(HOT_JOURNAL_MAGIC, 0, 1024)), 4096)).toBe('foreign');
    const pageOne = Buffer.alloc(1024);
    Buffer.from('SQLite format 3\0', 'latin1').copy(pageOne, 0);
    pageOne.writeUInt32BE(0x4e4f5445, 68); // another application's id
    const record = Buffer.concat([Buffer.from([0, 0, 0, 1]), pageOne, Buffer.alloc(4)]);
    expect(classifyJournal(journal(Buffer.concat([header(HOT_JOURNAL_MAGIC, 1, 1024), record])), 1024)).toBe('foreign');
    pageOne.writeUInt32BE(0x41573230, 68); // ours
    const ours = Buffer.concat([Buffer.from([0, 0, 0, 1]), pageOne, Buffer.alloc(4)]);
    expect(classifyJournal(journal(Buffer.concat([header(HOT_JOURNAL_MAGIC, 1, 1024), ours])), 1024)).toBe('hot');
  });

  it('anything else that is not empty is foreign: text, random bytes, a half-zeroed magic', () => {
    expect(classifyJournal(journal(Buffer.from('notes for the closing meeting')), 4096)).toBe('foreign');
    expect(classifyJournal(journal(Buffer.from([0x5a, 1, 2, 3, 4, 5, 6, 7, 8, 9])), 4096)).toBe('foreign');
    expect(classifyJournal(journal(Buffer.from([0, 0, 0, 0, 7, 0, 0, 0, 0, 0])), 4096)).toBe('foreign');
  });
});
