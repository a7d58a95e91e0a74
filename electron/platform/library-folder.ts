import fs from 'node:fs';
import path from 'node:path';
import { sweepStaleParts } from './durable-write.ts';

/**
 * Reads a library folder in app data (checklist packs, CB profiles): one JSON file per version, in
 * name order. A file that `read` throws on is handed to `unreadable` and skipped: a damaged file
 * hides only itself. A killed import's temp files are swept first (each file is written once, so no
 * later write of the same name would sweep them).
 */
export function readLibraryFolder(folder: string, read: (text: string, modified: Date) => void, unreadable: (file: string, error: unknown) => void): void {
  if (!fs.existsSync(folder)) return;
  sweepStaleParts(folder);
  for (const name of fs.readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(folder, name);
    try {
      read(fs.readFileSync(file, 'utf8'), fs.statSync(file).mtime);
    } catch (error) {
      unreadable(name, error);
    }
  }
}
