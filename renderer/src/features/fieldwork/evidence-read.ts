import { invoke } from '../../contract/client.ts';
import { base64ToBytes } from '../../state/evidence-bytes.ts';

/** The most one `evidence:readFile` returns. */
export const READ_PIECE_BYTES = 1024 * 1024;

export interface ReadOptions {
  readonly handle: string;
  readonly fileId: string;
  readonly copy: 'original' | 'report';
  /** Read at most this many bytes from the start (a text preview); the whole file otherwise. */
  readonly limit?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (read: number, total: number) => void;
}

export class ReadCancelled extends Error {}

/**
 * Reads a stored file (or its start) in pieces of at most 1 MiB, one request at a time: the pieces
 * are returned as they came (a Blob takes them as they are; nothing is copied into one string),
 * with the file's whole size.
 */
export async function readEvidencePieces({ handle, fileId, copy, limit, signal, onProgress }: ReadOptions): Promise<{ pieces: Uint8Array[]; read: number; total: number }> {
  const pieces: Uint8Array[] = [];
  let read = 0;
  let total = Infinity;
  const wanted = () => Math.min(total, limit ?? Infinity);
  while (read < wanted()) {
    if (signal?.aborted) throw new ReadCancelled();
    const length = Math.min(READ_PIECE_BYTES, wanted() - read);
    const piece = await invoke('evidence:readFile', { engagementHandle: handle, fileId, copy, offset: read, length: Number.isFinite(length) ? length : READ_PIECE_BYTES });
    total = piece.total;
    const bytes = base64ToBytes(piece.data);
    if (bytes.length === 0) break;
    pieces.push(bytes);
    read += bytes.length;
    onProgress?.(read, total);
  }
  if (signal?.aborted) throw new ReadCancelled();
  return { pieces, read, total: Number.isFinite(total) ? total : read };
}

/** The pieces joined into one array (pdf.js reads a document from one). */
export function joinPieces(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
