import path from 'node:path';
import { ENGAGEMENT_EXTENSION } from '../store/file-format.ts';

/**
 * The engagement files a command line names: `Audit Workbench file.iso20k`, a double-click (the OS
 * passes the path), or a second launch handing its argv to the first instance. Flags and the
 * executable/app path are ignored; relative paths resolve against the launching directory.
 */
export function engagementFilesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  for (const argument of argv.slice(1)) {
    if (!argument || argument.startsWith('-')) continue;
    if (!argument.toLowerCase().endsWith(ENGAGEMENT_EXTENSION)) continue;
    const resolved = path.resolve(workingDirectory, argument);
    if (!files.includes(resolved)) files.push(resolved);
  }
  return files;
}

/** `--app-data=<dir>`: a separate installation (tests, or a second auditor on one machine). */
export function appDataFromArgv(argv: readonly string[]): string | null {
  const flag = argv.find((argument) => argument.startsWith('--app-data='));
  return flag ? flag.slice('--app-data='.length) || null : null;
}
