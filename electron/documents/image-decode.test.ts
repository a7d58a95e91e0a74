// The renderers read photos with Node's base64 decoder (document-error.ts `nodeBase64`), ten times
// faster than the pure one every other reader of shared/documents/image.ts uses: both must accept
// and refuse the same data URLs and give the same bytes, whatever whitespace, padding or stray
// characters the base64 carries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImageDataUrl } from '../../shared/documents/image.ts';
import { nodeBase64 } from './document-error.ts';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 7, 0, 0, 0, 5];

/** Base64 of `bytes`, then changed the way hand-made or damaged data URLs are: line breaks, spaces, padding cut or moved, a stray character. */
const damagedBase64 = fc
  .record({
    bytes: fc.oneof(fc.uint8Array({ minLength: 0, maxLength: 64 }).map((tail) => Uint8Array.from([...PNG_HEAD, ...tail])), fc.uint8Array({ minLength: 0, maxLength: 40 })),
    edits: fc.array(fc.record({ at: fc.nat(), what: fc.constantFrom('\n', '\r\n', ' ', '\t', '=', '==', '-', '_', '!', 'A', 'drop') }), { maxLength: 3 }),
  })
  .map(({ bytes, edits }) => {
    let text = Buffer.from(bytes).toString('base64');
    for (const { at, what } of edits) {
      const index = text.length ? at % (text.length + 1) : 0;
      text = what === 'drop' ? text.slice(0, index) + text.slice(index + 1) : text.slice(0, index) + what + text.slice(index);
    }
    return text;
  });

describe('Node’s base64 decoder for document images', () => {
  it('accepts and refuses what the pure decoder does, with the same bytes', () => {
    fc.assert(
      fc.property(damagedBase64, fc.constantFrom('image/png', 'image/jpeg'), (base64, mime) => {
        const url = `data:${mime};base64,${base64}`;
        expect(readImageDataUrl(url, nodeBase64)).toEqual(readImageDataUrl(url));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a PNG whatever whitespace its base64 is wrapped in', () => {
    const png = Buffer.from(Uint8Array.from([...PNG_HEAD, 8, 6, 0, 0, 0])).toString('base64');
    const wrapped = `data:image/png;base64,\n${png.slice(0, 10)}\r\n ${png.slice(10)}\n`;
    for (const decode of [undefined, nodeBase64]) {
      const reading = readImageDataUrl(wrapped, decode);
      expect(reading.ok && [reading.image.widthPx, reading.image.heightPx]).toEqual([7, 5]);
    }
  });
});
