import zlib from 'node:zlib';
import type { DocumentImage } from '../../shared/documents/image.ts';
import { requireImage } from './document-error.ts';

const MEDIA = 'word/media/';
const STAND_IN = 'aw-picture-';

/**
 * The pictures of one .docx (the logo, drawn signatures, photos), each decoded once by requireImage —
 * which refuses anything but a PNG or JPEG `data:` URL. The `docx` library hashes every picture's bytes
 * (SHA-1 in JavaScript, for the part's name) and deflates them into the package (in JavaScript too):
 * for a report with 100 photos, seconds spent squeezing JPEGs that do not shrink. So each picture
 * goes to the library as a few bytes standing in for it, and `pack` puts the real bytes in place of
 * the stand-ins, stored as they are (the other parts stay as docx compressed them). The same picture
 * twice is one stand-in, so one part.
 */
export class DocxPictures {
  private readonly byUrl = new Map<string, { readonly image: DocumentImage; readonly standIn: Uint8Array }>();
  private readonly real = new Map<string, Uint8Array>();

  /** The picture (refused with DOCUMENT_IMAGE_REFUSED naming `what`) and the bytes to give docx for it. */
  add(dataUrl: string, what: string): { readonly image: DocumentImage; readonly standIn: Uint8Array } {
    const known = this.byUrl.get(dataUrl);
    if (known) return known;
    const image = requireImage(dataUrl, what);
    const name = `${STAND_IN}${this.real.size + 1}`;
    const entry = { image, standIn: new TextEncoder().encode(name) };
    this.real.set(name, image.bytes);
    this.byUrl.set(dataUrl, entry);
    return entry;
  }

  /**
   * The package docx wrote, with each stand-in replaced by its picture, stored as it is. Every other
   * part is copied as docx compressed it (the package is rewritten, not unzipped and zipped again:
   * the XML of a large report is deflated once).
   */
  pack(zip: Uint8Array): Uint8Array {
    if (!this.real.size) return zip;
    return replaceEntries(zip, (name, data) => (name.startsWith(MEDIA) && data.length < 32 ? this.real.get(new TextDecoder().decode(data)) : undefined));
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * A zip with some entries' contents replaced, stored: `replace` sees each small entry's name and
 * (inflated) data and gives the new contents, or nothing to keep the entry as it is. For the
 * packages docx writes (fflate: no zip64, no data descriptors, no archive comment).
 */
function replaceEntries(zip: Uint8Array, replace: (name: string, data: Uint8Array) => Uint8Array | undefined): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== END) throw new Error('docx package: no end of central directory');
  const count = view.getUint16(end + 10, true);
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let written = 0;
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('docx package: bad central directory');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const entryLength = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if (view.getUint32(offset, true) !== LOCAL) throw new Error('docx package: bad local header');
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const stored = zip.subarray(dataStart, dataStart + compressedSize);
    const replacement = size < 32 ? replace(name, method === 8 ? zlib.inflateRawSync(stored) : stored) : undefined;
    const entry = zip.slice(at, at + entryLength);
    const entryView = new DataView(entry.buffer);
    entryView.setUint32(42, written, true);
    if (replacement) {
      const header = zip.slice(offset, dataStart);
      const crc = zlib.crc32(replacement);
      for (const [fields, base] of [
        [new DataView(header.buffer), 8],
        [entryView, 10],
      ] as const) {
        fields.setUint16(base, 0, true);
        fields.setUint32(base + 6, crc, true);
        fields.setUint32(base + 10, replacement.length, true);
        fields.setUint32(base + 14, replacement.length, true);
      }
      local.push(header, replacement);
      written += header.length + replacement.length;
    } else {
      local.push(zip.subarray(offset, dataStart + compressedSize));
      written += dataStart + compressedSize - offset;
    }
    central.push(entry);
    at += entryLength;
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0);
  const tail = zip.slice(end);
  const tailView = new DataView(tail.buffer);
  tailView.setUint32(12, directorySize, true);
  tailView.setUint32(16, written, true);
  const out = new Uint8Array(written + directorySize + tail.length);
  let position = 0;
  for (const part of [...local, ...central, tail]) {
    out.set(part, position);
    position += part.length;
  }
  return out;
}
