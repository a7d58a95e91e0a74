import { createHash } from 'node:crypto';
import { corrupt } from './errors.ts';
import { FRAME, FRAME_HEADER_BYTES, MAX_PAYLOAD, isFrameKind, type FrameKind } from './format.ts';

export type FrameEvent =
  /** A whole frame other than D (its payload joined; JSON frames are small). */
  | { readonly type: 'frame'; readonly kind: Exclude<FrameKind, typeof FRAME.data>; readonly payload: Buffer }
  /** A D frame begins (it may be empty): its bytes follow as `data` events. */
  | { readonly type: 'data-start'; readonly length: number }
  /** Some bytes of the current D frame, as a view of the decompressed chunk (never copied). */
  | { readonly type: 'data'; readonly chunk: Buffer }
  /** A frame kind this version does not know: nothing after it can be read. */
  | { readonly type: 'unknown'; readonly kind: number };

/**
 * Cuts the decompressed stream into frames as chunks arrive, holding at most one JSON frame: D
 * payloads pass through as views. Keeps the SHA-256 and count of every frame before Z, which the Z
 * frame states, and refuses a byte after Z.
 */
export class FrameReader {
  private readonly head = Buffer.alloc(FRAME_HEADER_BYTES);
  private headFill = 0;
  private kind: FrameKind | null = null;
  private remaining = 0;
  private parts: Buffer[] = [];
  private partsLength = 0;
  private readonly hash = createHash('sha256');
  private frames = 0;
  private stopped = false;
  /** Set once the Z frame's header is read: what its payload must state. */
  private before: { frames: number; sha256: string } | null = null;
  private ended = false;

  /** Frames and SHA-256 of everything before Z, once Z has begun. */
  get beforeEnd(): { frames: number; sha256: string } | null {
    return this.before;
  }

  /** True when the Z frame was read whole. */
  get complete(): boolean {
    return this.ended;
  }

  *feed(chunk: Buffer): Generator<FrameEvent> {
    if (this.stopped) return;
    let at = 0;
    while (at < chunk.length) {
      if (this.ended) throw corrupt('bytes follow its end frame');
      if (this.kind === null) {
        const n = Math.min(FRAME_HEADER_BYTES - this.headFill, chunk.length - at);
        chunk.copy(this.head, this.headFill, at, at + n);
        this.headFill += n;
        at += n;
        if (this.headFill < FRAME_HEADER_BYTES) return;
        this.headFill = 0;
        const kind = this.head[0]!;
        const length = this.head.readUInt32BE(1);
        if (!isFrameKind(kind)) {
          this.stopped = true;
          yield { type: 'unknown', kind };
          return;
        }
        if (length > MAX_PAYLOAD[kind]) throw corrupt(`a frame declares ${length} bytes`);
        if (kind === FRAME.end) {
          this.before = { frames: this.frames, sha256: this.hash.digest('hex') };
        } else {
          this.hash.update(this.head);
          this.frames++;
        }
        this.kind = kind;
        this.remaining = length;
        if (kind === FRAME.data) yield { type: 'data-start', length };
        if (length === 0) yield* this.finish();
        continue;
      }
      const n = Math.min(this.remaining, chunk.length - at);
      const piece = chunk.subarray(at, at + n);
      at += n;
      this.remaining -= n;
      if (this.kind !== FRAME.end) this.hash.update(piece);
      if (this.kind === FRAME.data) {
        yield { type: 'data', chunk: piece };
      } else {
        this.parts.push(piece);
        this.partsLength += n;
      }
      if (this.remaining === 0) yield* this.finish();
    }
  }

  private *finish(): Generator<FrameEvent> {
    const kind = this.kind!;
    this.kind = null;
    if (kind === FRAME.end) this.ended = true;
    if (kind === FRAME.data) return;
    const payload = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partsLength);
    this.parts = [];
    this.partsLength = 0;
    yield { type: 'frame', kind, payload };
  }
}
