import { extensionsOf, type FileKind } from '../../shared/file-kinds.ts';

export { extensionsOf };

export function hasKind(name: string, kind: FileKind): boolean {
  const lower = name.toLowerCase();
  return extensionsOf(kind).some((extension) => lower.endsWith(extension));
}

/** A typed name with the ending its kind needs (the first one for 'import'). */
export function withKindExtension(name: string, kind: FileKind): string {
  return hasKind(name, kind) ? name : `${name}${extensionsOf(kind)[0]}`;
}
