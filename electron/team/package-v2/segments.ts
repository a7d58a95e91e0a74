import { createCipheriv, createDecipheriv } from 'node:crypto';
import { StoreError } from '../../../shared/store-errors.ts';
import { ByteQueue } from './byte-queue.ts';
import { corrupt, cutOff } from './errors.ts';
import { MAX_SEGMENT_SIZE, TAG_BYTES, segmentNonce } from './format.ts';

/**
 * The STREAM construction over AES-256-GCM (Hoang, Reyhanitabar, Rogaway, Vizár 2015): the
 * compressed stream cut into segments, each sealed with nonce = prefix ‖ counter ‖ last flag and the
 * file header as associated data. A reader releases a segment's plaintext only once its tag checks,
 * so it never uses unauthenticated bytes; a dropped, repeated or reordered segment fails its tag
 * (wrong counter), and a file cut at a segment boundary lacks the segment flagged last.
 */

export interface SegmentKeys {
  readonly key: Buffer;
  readonly noncePrefix: Buffer;
  /** The file header (magic, mode, salt, nonce prefix): bound to every segment. */
  readonly aad: Buffer;
}

function seal(keys: SegmentKeys, counter: number, last: boolean, pieces: readonly Buffer[], length: number): Buffer {
  const cipher = createCipheriv('aes-256-gcm', keys.key, segmentNonce(keys.noncePrefix, counter, last));
  cipher.setAAD(keys.aad);
  const out: Buffer[] = [Buffer.allocUnsafe(4)];
  out[0]!.writeUInt32BE(length, 0);
  for (const piece of pieces) out.push(cipher.update(piece));
  out.push(cipher.final(), cipher.getAuthTag());
  return Buffer.concat(out, 4 + length + TAG_BYTES);
}

/**
 * Seals a byte stream: every segment but the last holds exactly `segmentSize` bytes, the last one
 * 0 to `segmentSize` (a segment is sealed only once a byte beyond it has arrived, so the writer
 * always knows which one is last).
 */
export async function* sealSegments(source: AsyncIterable<Buffer>, keys: SegmentKeys, segmentSize: number): AsyncGenerator<Buffer> {
  if (!(segmentSize >= 1 && segmentSize <= MAX_SEGMENT_SIZE)) throw new RangeError(`segment size ${segmentSize} outside 1..${MAX_SEGMENT_SIZE}`);
  const queue = new ByteQueue();
  let counter = 0;
  for await (const chunk of source) {
    queue.push(chunk);
    while (queue.length > segmentSize) yield seal(keys, counter++, false, queue.take(segmentSize), segmentSize);
  }
  const rest = queue.length;
  yield seal(keys, counter, true, queue.take(rest), rest);
}

function open(keys: SegmentKeys, counter: number, last: boolean, ciphertext: readonly Buffer[], tag: Buffer): Buffer[] | null {
  const decipher = createDecipheriv('aes-256-gcm', keys.key, segmentNonce(keys.noncePrefix, counter, last));
  decipher.setAAD(keys.aad);
  decipher.setAuthTag(tag);
  const plain = ciphertext.map((piece) => decipher.update(piece));
  try {
    plain.push(decipher.final());
  } catch {
    return null;
  }
  return plain;
}

/**
 * Opens sealed segments as they stream in. A segment that fails its tag both as a middle and as the
 * last segment is a wrong passphrase when it is the first (GCM cannot tell the two apart, and the
 * passphrase is by far the likelier), damage otherwise. Bytes after the last segment are damage;
 * an end without it is a cut-off file.
 */
export async function* openSegments(source: AsyncIterable<Buffer>, keys: SegmentKeys): AsyncGenerator<Buffer> {
  const queue = new ByteQueue();
  let counter = 0;
  let length = -1;
  let sawLast = false;
  for await (const chunk of source) {
    queue.push(chunk);
    for (;;) {
      if (sawLast) {
        if (queue.length) throw corrupt('bytes follow its last sealed segment');
        break;
      }
      if (length < 0) {
        if (queue.length < 4) break;
        length = queue.takeJoined(4).readUInt32BE(0);
        if (length > MAX_SEGMENT_SIZE) throw corrupt(`a sealed segment declares ${length} bytes`);
      }
      if (queue.length < length + TAG_BYTES) break;
      const ciphertext = queue.take(length);
      const tag = queue.takeJoined(TAG_BYTES);
      let plain = open(keys, counter, false, ciphertext, tag);
      if (!plain) {
        plain = open(keys, counter, true, ciphertext, tag);
        if (!plain) {
          if (counter === 0) throw new StoreError('MERGE_WRONG_PASSPHRASE', 'The passphrase does not open this package');
          throw corrupt(`sealed segment ${counter} does not authenticate`);
        }
        sawLast = true;
      }
      counter++;
      length = -1;
      for (const piece of plain) if (piece.length) yield piece;
    }
  }
  if (!sawLast) throw cutOff();
}
