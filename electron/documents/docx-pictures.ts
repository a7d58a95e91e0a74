import { unzipSync, zipSync, type Zippable } from 'fflate';
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
 * the stand-ins, stored as they are (the XML parts are deflated again). The same picture twice is
 * one stand-in, so one part.
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

  /** The package docx wrote, with each stand-in replaced by its picture (stored, not deflated). */
  pack(zip: Uint8Array): Uint8Array {
    if (!this.real.size) return zip;
    const decoder = new TextDecoder();
    const files: Zippable = {};
    for (const [name, data] of Object.entries(unzipSync(zip))) {
      const picture = name.startsWith(MEDIA) && data.length < 32 ? this.real.get(decoder.decode(data)) : undefined;
      files[name] = picture ? [picture, { level: 0 }] : data;
    }
    return zipSync(files);
  }
}
