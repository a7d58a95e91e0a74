import { PACKAGE_EXTENSION } from '../consolidation/package-file.ts';
import { PACK_FILE_EXTENSIONS } from '../packs/pack-file.ts';
import { ENGAGEMENT_EXTENSION } from '../store/file-format.ts';
import type { FileKind } from './platform.ts';

/** The file name endings each kind of file may have. */
export function extensionsOf(kind: FileKind): string[] {
  if (kind === 'engagement') return [ENGAGEMENT_EXTENSION];
  if (kind === 'package') return [PACKAGE_EXTENSION];
  if (kind === 'checklist') return [...PACK_FILE_EXTENSIONS];
  return [ENGAGEMENT_EXTENSION, PACKAGE_EXTENSION];
}

export function hasKind(name: string, kind: FileKind): boolean {
  const lower = name.toLowerCase();
  return extensionsOf(kind).some((extension) => lower.endsWith(extension));
}

/** A typed name with the ending its kind needs (the first one for 'import'). */
export function withKindExtension(name: string, kind: FileKind): string {
  return hasKind(name, kind) ? name : `${name}${extensionsOf(kind)[0]}`;
}
