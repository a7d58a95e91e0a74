import { readImageDataUrl, type DocumentImage, type ImageProblem } from '../../shared/documents/image.ts';

/**
 * Why a document could not be rendered, as a code the export channel turns into a message:
 * - `DOCUMENT_IMAGE_REFUSED`: an image that is not a PNG or JPEG `data:` URL (params.problem:
 *   `remote` — a web address, never fetched —, `not-data-url`, `unsupported-type`, `unreadable`);
 * - `DOCUMENT_FONT_MISSING`: the PDF font shipped with the app is not where it should be (params.path);
 * - `DOCUMENT_RENDER_FAILED`: the library failed (its text in `message`, never shown as is).
 */
export type DocumentErrorCode = 'DOCUMENT_IMAGE_REFUSED' | 'DOCUMENT_FONT_MISSING' | 'DOCUMENT_RENDER_FAILED';

export interface DocumentErrorJson {
  readonly code: DocumentErrorCode;
  readonly message: string;
  readonly params: Readonly<Record<string, string>>;
}

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'DocumentError';
  }

  toJSON(): DocumentErrorJson {
    return { code: this.code, message: this.message, params: this.params };
  }

  static fromJSON(json: DocumentErrorJson): DocumentError {
    return new DocumentError(json.code, json.message, json.params);
  }

  /** Any failure as a DocumentError: ours as they are, the libraries' as DOCUMENT_RENDER_FAILED. */
  static from(error: unknown): DocumentError {
    if (error instanceof DocumentError) return error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new DocumentError('DOCUMENT_RENDER_FAILED', text);
  }
}

const IMAGE_REASONS: Record<ImageProblem, string> = {
  remote: 'is a web address; documents never fetch images — put the image itself (PNG or JPEG) in the profile',
  'not-data-url': 'is a file path or text, not an embedded image; documents never read images from disk',
  'unsupported-type': 'is not a PNG or JPEG image',
  unreadable: 'is damaged or not the image its type says',
};

/** Node's base64 decoder: ten times faster than atob and a loop for a report's hundred photos. */
export const nodeBase64 = (text: string): Uint8Array => {
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/** The logo (or any image) decoded, or a DocumentError naming what is wrong with it. */
export function requireImage(source: string, what: string): DocumentImage {
  const reading = readImageDataUrl(source, nodeBase64);
  if (reading.ok) return reading.image;
  const shown = source.length > 80 ? `${source.slice(0, 77)}…` : source;
  throw new DocumentError('DOCUMENT_IMAGE_REFUSED', `The ${what} “${shown}” ${IMAGE_REASONS[reading.problem]}.`, { problem: reading.problem, what });
}
