import fs from 'node:fs';
import { isPackage } from '../package-file.ts';
import { fileError } from './errors.ts';
import { V2_MAGIC } from './format.ts';

/**
 * Which return package version a file is, from its first bytes (magic and mode byte): 1, 2, or
 * null for anything else (a member copy, another file). Nothing else of the file is read.
 */
export async function sniffPackageVersion(file: string): Promise<1 | 2 | null> {
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(file, 'r');
    const prefix = Buffer.alloc(V2_MAGIC.length + 1);
    const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
    const bytes = prefix.subarray(0, bytesRead);
    if (bytes.length >= V2_MAGIC.length && bytes.subarray(0, V2_MAGIC.length).equals(V2_MAGIC)) return 2;
    return isPackage(bytes) ? 1 : null;
  } catch (error) {
    throw fileError(error, file);
  } finally {
    await handle?.close();
  }
}
