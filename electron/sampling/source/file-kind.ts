/**
 * What a file is by its first bytes, before anything is decoded: a renamed PDF, picture or archive is
 * refused as NOT_A_TABLE rather than read as text. A zip is a workbook only when it holds xl/workbook.xml
 * (checked by the XLSX reader from the zip's directory).
 */
export type FileKind = 'text' | 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'xls' | 'gzip' | '7z' | 'rar' | 'binary';

const MAGIC: readonly { kind: FileKind; bytes: readonly number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'rar', bytes: [0x52, 0x61, 0x72, 0x21] },
];

export function fileKindOf(head: Uint8Array, utf16: boolean): FileKind {
  for (const magic of MAGIC) {
    if (head.length >= magic.bytes.length && magic.bytes.every((b, i) => head[i] === b)) return magic.kind;
  }
  if (utf16) return 'text';
  // Control bytes other than tab, CR, LF (and a stray NUL or two, reported per row) mean binary.
  let control = 0;
  const n = Math.min(head.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = head[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n / 20 ? 'binary' : 'text';
}
