import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/helpers/temp.ts';
import { copyFileDurably, isTransientRenameError, sweepStaleParts, tempPathBeside, writeFileDurably, writeThroughTemp } from './durable-write.ts';

// The kill test (tests/integration/durable-write-kill.test.ts) covers crashes; these cover the rest.

afterEach(() => {
  vi.restoreAllMocks();
});

function ebusy(): NodeJS.ErrnoException {
  return Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
}

/** A pid that belonged to a process which has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('writeFileDurably', () => {
  it('writes text and bytes as the whole new content, leaving nothing beside', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    writeFileDurably(file, 'first, and longer than the second');
    writeFileDurably(file, 'ünïcode');
    expect(fs.readFileSync(file, 'utf8')).toBe('ünïcode');
    writeFileDurably(file, new Uint8Array([0, 1, 2, 255]));
    expect([...fs.readFileSync(file)]).toEqual([0, 1, 2, 255]);
    writeFileDurably(file, '');
    expect(fs.readFileSync(file, 'utf8')).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('removes its temp file when the rename fails, and leaves the destination as it was', () => {
    const dir = tempDir();
    const destination = path.join(dir, 'taken');
    fs.mkdirSync(destination); // a file cannot be renamed over a folder
    fs.writeFileSync(path.join(destination, 'inside'), 'kept');
    expect(() => writeFileDurably(destination, 'new')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readFileSync(path.join(destination, 'inside'), 'utf8')).toBe('kept');
  });

  it('fails without a trace when the folder does not exist', () => {
    const dir = tempDir();
    expect(() => writeFileDurably(path.join(dir, 'missing', 'a.json'), 'x')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('retries a rename the file system reports busy', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    const real = fs.renameSync;
    let refusals = 2;
    const rename = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (refusals-- > 0) throw ebusy();
      real(from, to);
    });
    writeFileDurably(file, 'after two refusals');
    expect(rename).toHaveBeenCalledTimes(3);
    expect(fs.readFileSync(file, 'utf8')).toBe('after two refusals');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('gives up after a few seconds of a busy file, keeping the old content and no temp file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    writeFileDurably(file, 'old');
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw ebusy();
    });
    expect(() => writeFileDurably(file, 'new')).toThrow(/EBUSY/);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('retries EPERM and EACCES only on Windows, where they mean the file is held', () => {
    expect(isTransientRenameError('EBUSY', 'linux')).toBe(true);
    expect(isTransientRenameError('EPERM', 'win32')).toBe(true);
    expect(isTransientRenameError('EACCES', 'win32')).toBe(true);
    expect(isTransientRenameError('EPERM', 'linux')).toBe(false);
    expect(isTransientRenameError('EACCES', 'darwin')).toBe(false);
    expect(isTransientRenameError('ENOENT', 'win32')).toBe(false);
  });
});

describe('copyFileDurably', () => {
  it('copies the bytes over the destination', () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.bin');
    fs.writeFileSync(source, Buffer.from([9, 8, 7]));
    const destination = path.join(dir, 'copy.bin');
    fs.writeFileSync(destination, 'old');
    copyFileDurably(source, destination);
    expect([...fs.readFileSync(destination)]).toEqual([9, 8, 7]);
    expect(fs.readdirSync(dir).sort()).toEqual(['copy.bin', 'source.bin']);
  });

  it('leaves nothing when the source is missing', () => {
    const dir = tempDir();
    expect(() => copyFileDurably(path.join(dir, 'none'), path.join(dir, 'copy.bin'))).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('writeThroughTemp', () => {
  it('publishes what the writer made in the temp file, or nothing when the writer fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'made.bin');
    writeThroughTemp(file, (temp) => fs.writeFileSync(temp, 'made by another writer'));
    expect(fs.readFileSync(file, 'utf8')).toBe('made by another writer');
    expect(() =>
      writeThroughTemp(file, (temp) => {
        fs.writeFileSync(temp, 'half');
        throw new Error('the writer failed');
      }),
    ).toThrow('the writer failed');
    expect(fs.readFileSync(file, 'utf8')).toBe('made by another writer');
    expect(fs.readdirSync(dir)).toEqual(['made.bin']);
  });
});

describe('temp files and the sweep', () => {
  it('names the temp file hidden, beside the destination, with the writing process', () => {
    const temp = tempPathBeside('/data/app/a.b.json');
    expect(path.dirname(temp)).toBe('/data/app');
    expect(path.basename(temp)).toMatch(new RegExp(`^\\.a\\.b\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.part$`));
  });

  it("removes only dead writers' temp files, of the destination asked for", () => {
    const dir = tempDir();
    const dead = deadPid();
    const names = {
      deadOfA: `.a.json.${dead}.0123456789ab.part`,
      deadJournalOfA: `.a.json.${dead}.0123456789ab.part-journal`,
      liveOfA: `.a.json.${process.pid}.0123456789ab.part`, // this process's (another thread may be writing it)
      deadOfB: `.b.json.${dead}.0123456789ab.part`,
      notOurs: '.a.json.part',
      file: 'a.json',
    };
    for (const name of Object.values(names)) fs.writeFileSync(path.join(dir, name), 'x');

    sweepStaleParts(dir, 'a.json');
    expect(fs.readdirSync(dir).sort()).toEqual([names.deadOfB, names.liveOfA, names.notOurs, names.file].sort());
    sweepStaleParts(dir);
    expect(fs.readdirSync(dir).sort()).toEqual([names.liveOfA, names.notOurs, names.file].sort());
  });

  it('sweeps before writing, and ignores a folder that is not there', () => {
    const dir = tempDir();
    const stale = `.a.json.${deadPid()}.0123456789ab.part`;
    fs.writeFileSync(path.join(dir, stale), 'half a write');
    writeFileDurably(path.join(dir, 'a.json'), 'whole');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
    expect(() => sweepStaleParts(path.join(dir, 'missing'))).not.toThrow();
  });
});
