import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { EVIDENCE_LIMITS, MAX_FILE_NAME_LENGTH, REFUSED_IMAGE_FORMATS, checkDeclaredSize, cleanFileName, formatLabel, isPhotoFormat, isRefusedImageFormat, sniffFormat } from './file-format.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const ch of part) out.push(ch.charCodeAt(0));
    else out.push(...part);
  }
  return Uint8Array.from(out);
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible);
};

describe('sniffFormat', () => {
  it('recognises image formats by their magic numbers, whatever the name says', () => {
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'notes.txt')).toEqual({ format: 'jpeg', mediaType: 'image/jpeg' });
    expect(sniffFormat(bytes([0x89], 'PNG', [13, 10, 26, 10, 0, 0, 0, 13], 'IHDR'), 'photo.jpg')).toEqual({ format: 'png', mediaType: 'image/png' });
    expect(sniffFormat(bytes('GIF89a', [1, 0, 1, 0]), 'x').format).toBe('gif');
    expect(sniffFormat(bytes('GIF87a'), 'x').format).toBe('gif');
    expect(sniffFormat(bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0]), 'scan.dat')).toEqual({ format: 'bmp', mediaType: 'image/bmp' });
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'a.jpg')).toEqual({ format: 'webp', mediaType: 'image/webp' });
    expect(sniffFormat(bytes('%PDF-1.7\n'), 'report.docx')).toEqual({ format: 'pdf', mediaType: 'application/pdf' });
  });

  it('tells a text that starts with "BM" from a bitmap', () => {
    expect(sniffFormat(utf8('BM meeting notes: the change board met on Monday'), 'notes.txt').format).toBe('text');
  });

  it('reads HEIC, HEIF and AVIF from the ftyp brands', () => {
    for (const brand of ['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs']) expect(sniffFormat(ftyp(brand, 'mif1', brand), 'IMG_0001.jpg').format).toBe('heic');
    expect(sniffFormat(ftyp('heic', 'mif1', 'heic'), 'a').mediaType).toBe('image/heic');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'heic'), 'a')).toEqual({ format: 'heic', mediaType: 'image/heic' });
    expect(sniffFormat(ftyp('msf1', 'msf1', 'hevs'), 'a')).toEqual({ format: 'heic', mediaType: 'image/heif' });
    expect(sniffFormat(ftyp('mif1', 'mif1'), 'a').format).toBe('heic');
    expect(sniffFormat(ftyp('avif', 'mif1', 'avif'), 'a')).toEqual({ format: 'avif', mediaType: 'image/avif' });
    expect(sniffFormat(ftyp('avis', 'msf1', 'avis'), 'a').format).toBe('avif');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'miaf', 'avif'), 'a').format).toBe('avif');
    // A video is not a photo format we refuse: it is 'other'.
    expect(sniffFormat(ftyp('isom', 'isom', 'mp41'), 'clip.mp4').format).toBe('other');
    expect(sniffFormat(ftyp('crx ', 'crx ', 'isom'), 'IMG_1.CR3').format).toBe('tiff');
  });

  it('reads TIFF and the camera raws built on it', () => {
    expect(sniffFormat(bytes('II*', [0, 8, 0, 0, 0]), 'scan.tif')).toEqual({ format: 'tiff', mediaType: 'image/tiff' });
    expect(sniffFormat(bytes('MM', [0, 42, 0, 0, 0, 8]), 'DSC_0001.NEF').format).toBe('tiff');
    expect(sniffFormat(bytes('II*', [0, 16, 0, 0, 0], 'CR', [2, 0]), 'IMG_1.CR2').format).toBe('tiff');
    expect(sniffFormat(bytes('IIRO', [8, 0, 0, 0]), 'P1.ORF').format).toBe('tiff');
    expect(sniffFormat(bytes('IIU', [0, 8, 0, 0, 0]), 'P1.RW2').format).toBe('tiff');
    expect(sniffFormat(bytes('FUJIFILMCCD-RAW 0201'), 'DSCF1.RAF').format).toBe('tiff');
  });

  it('names zips that are Office documents by their ending', () => {
    const zip = bytes('PK', [3, 4, 20, 0, 6, 0]);
    expect(sniffFormat(zip, 'Change policy.docx')).toEqual({ format: 'office', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(sniffFormat(zip, 'incidents.XLSX').format).toBe('office');
    expect(sniffFormat(zip, 'review.pptx').format).toBe('office');
    expect(sniffFormat(zip, 'logs.zip')).toEqual({ format: 'zip', mediaType: 'application/zip' });
    expect(sniffFormat(zip, 'docx')).toEqual({ format: 'zip', mediaType: 'application/zip' });
    expect(sniffFormat(bytes('PK', [5, 6, 0, 0]), 'empty.zip').format).toBe('zip');
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffFormat(ole, 'old.xls')).toEqual({ format: 'office', mediaType: 'application/vnd.ms-excel' });
    expect(sniffFormat(ole, 'mail.msg').format).toBe('other');
  });

  it('recognises SVG after a BOM, white space, an XML declaration, comments and a DOCTYPE', () => {
    expect(sniffFormat(utf8('<svg xmlns="http://www.w3.org/2000/svg">'), 'diagram.txt')).toEqual({ format: 'svg', mediaType: 'image/svg+xml' });
    expect(sniffFormat(utf8('\uFEFF  <?xml version="1.0"?>\n<!-- x --><svg>'), 'a').format).toBe('svg');
    expect(sniffFormat(utf8('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'), 'a').format).toBe('svg');
    expect(sniffFormat(utf8('<?xml version="1.0"?><!DOCTYPE x><svg:svg xmlns:svg="u">'), 'a').format).toBe('svg');
    // The start is cut off by the 64 bytes looked at: the name decides.
    const long = utf8('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- Generator: Adobe Illustrator 24 -->\n<svg>');
    expect(sniffFormat(long, 'logo.svg').format).toBe('svg');
    expect(sniffFormat(long, 'logo.xml').format).toBe('text');
    // An XML file that is not SVG is text; so is an svg element that is not at the start.
    expect(sniffFormat(utf8('<?xml version="1.0"?><config><svg/></config>'), 'c.xml')).toEqual({ format: 'text', mediaType: 'text/plain' });
    expect(sniffFormat(utf8('<svgx>'), 'a').format).toBe('text');
    // A PNG called .svg is a PNG.
    expect(sniffFormat(bytes([0x89], 'PNG', [13, 10, 26, 10]), 'icon.svg').format).toBe('png');
  });

  it('reads text by its bytes, and by its name when it is in a legacy encoding', () => {
    expect(sniffFormat(utf8('2026-03-14 09:26:53 INFO change CHG-1042 approved\n'), 'app.log')).toEqual({ format: 'text', mediaType: 'text/plain' });
    expect(sniffFormat(utf8('id,summary\n1,服务中断\n'), 'incidents.csv')).toEqual({ format: 'text', mediaType: 'text/csv' });
    expect(sniffFormat(utf8('{"a": 1}'), 'export.json').mediaType).toBe('application/json');
    expect(sniffFormat(utf8('# Notes'), 'notes').format).toBe('text');
    // HTML is text that is never labelled as something a browser runs.
    expect(sniffFormat(utf8('<html><script>alert(1)</script>'), 'page.html')).toEqual({ format: 'text', mediaType: 'text/plain' });
    // A multi-byte character cut by the end of the bytes looked at is still text.
    const cut = utf8('变更记录'.repeat(6)).subarray(0, 64);
    expect(sniffFormat(cut, 'x').format).toBe('text');
    // GBK is not UTF-8: text only when the name says so.
    const gbk = bytes([0xb1, 0xe4, 0xb8, 0xfc, 0xbc, 0xc7, 0xc2, 0xbc]);
    expect(sniffFormat(gbk, '变更.txt').format).toBe('text');
    expect(sniffFormat(gbk, 'blob').format).toBe('other');
    // UTF-16 with a BOM (PowerShell, Excel "Unicode text").
    expect(sniffFormat(bytes([0xff, 0xfe, 0x41, 0, 0x42, 0]), 'export.txt')).toEqual({ format: 'text', mediaType: 'text/plain; charset=utf-16le' });
    expect(sniffFormat(bytes([0xfe, 0xff, 0, 0x41]), 'e.csv').mediaType).toBe('text/csv; charset=utf-16be');
  });

  it('calls binary data "other"', () => {
    expect(sniffFormat(bytes('MZ', [0x90, 0, 3, 0, 0, 0]), 'setup.exe')).toEqual({ format: 'other', mediaType: 'application/octet-stream' });
    expect(sniffFormat(bytes('hello', [0], 'world'), 'a.bin').format).toBe('other');
    expect(sniffFormat(bytes([0x01, 0x02, 0x03]), 'a').format).toBe('other');
    // A name ending like a property of Object is not a text type.
    expect(sniffFormat(bytes([0x80, 0x81]), 'x.constructor').format).toBe('other');
  });

  it('looks at no more than the first 64 bytes', () => {
    const head = new Uint8Array(200).fill(0x41);
    head[100] = 0;
    expect(sniffFormat(head, 'a').format).toBe('text');
  });
});

describe('photo formats', () => {
  it('takes JPEG and PNG as photos and refuses the formats whose metadata it cannot handle', () => {
    expect(isPhotoFormat('jpeg')).toBe(true);
    expect(isPhotoFormat('png')).toBe(true);
    for (const f of ['gif', 'heic', 'webp', 'tiff', 'svg', 'pdf'] as const) expect(isPhotoFormat(f)).toBe(false);
    expect([...REFUSED_IMAGE_FORMATS].sort()).toEqual(['avif', 'heic', 'tiff', 'webp']);
    expect(isRefusedImageFormat('heic')).toBe(true);
    expect(isRefusedImageFormat('jpeg')).toBe(false);
    expect(formatLabel('jpeg')).toBe('JPEG');
  });
});

describe('declared image sizes', () => {
  it('accepts what cameras and screens make and calls the rest absurd', () => {
    expect(checkDeclaredSize(4000, 3000)).toBe('ok');
    // A 200-megapixel phone photo in full resolution (16,320 × 12,240 = 199.8 MP).
    expect(checkDeclaredSize(16_320, 12_240)).toBe('ok');
    expect(checkDeclaredSize(30_000, 5_000)).toBe('ok');
    expect(checkDeclaredSize(30_001, 10)).toBe('absurd');
    expect(checkDeclaredSize(10, 30_001)).toBe('absurd');
    expect(checkDeclaredSize(100_000, 100_000)).toBe('absurd');
    expect(checkDeclaredSize(15_000, 14_001)).toBe('absurd');
    expect(checkDeclaredSize(0, 10)).toBe('absurd');
    expect(checkDeclaredSize(Number.NaN, 10)).toBe('absurd');
    expect(checkDeclaredSize(1.5, 10)).toBe('absurd');
    expect(EVIDENCE_LIMITS.maxFileBytes).toBe(512 * 1024 * 1024);
    expect(EVIDENCE_LIMITS.maxFileBytes * 4).toBeLessThan(4 * 1024 ** 3);
  });
});

describe('cleanFileName', () => {
  it('keeps the last segment of a path', () => {
    expect(cleanFileName('../../etc/passwd')).toEqual({ name: 'passwd', changed: true });
    expect(cleanFileName('C:\\Users\\lee\\Desktop\\photo.jpg')).toEqual({ name: 'photo.jpg', changed: true });
    expect(cleanFileName('../')).toEqual({ name: 'file', changed: true });
    expect(cleanFileName('..')).toEqual({ name: 'file', changed: true });
  });

  it('leaves an ordinary name alone', () => {
    expect(cleanFileName('Change policy v3.docx')).toEqual({ name: 'Change policy v3.docx', changed: false });
    expect(cleanFileName('变更管理程序.pdf')).toEqual({ name: '变更管理程序.pdf', changed: false });
  });

  it('drops control and direction characters and normalises to NFC', () => {
    expect(cleanFileName('report\u0000.pdf').name).toBe('report.pdf');
    expect(cleanFileName('a\u0007b\u009fc.txt').name).toBe('abc.txt');
    // "invoice‮fdp.exe" shows as "invoiceexe.pdf".
    expect(cleanFileName('invoice\u202efdp.exe').name).toBe('invoicefdp.exe');
    expect(cleanFileName('e\u0301te\u0301.txt')).toEqual({ name: 'été.txt', changed: true });
    expect(cleanFileName('x\ud800y.txt').name).toBe('xy.txt');
  });

  it('trims dots and spaces, replaces characters Windows refuses, prefixes device names', () => {
    expect(cleanFileName('  .hidden.txt. ').name).toBe('hidden.txt');
    expect(cleanFileName('Meeting 10:30 "draft"?.md').name).toBe('Meeting 10_30 _draft__.md');
    expect(cleanFileName('CON').name).toBe('_CON');
    expect(cleanFileName('nul.txt').name).toBe('_nul.txt');
    expect(cleanFileName('com1.log').name).toBe('_com1.log');
    expect(cleanFileName('LPT9').name).toBe('_LPT9');
    expect(cleanFileName('CONSOLE.txt').name).toBe('CONSOLE.txt');
    expect(cleanFileName('').name).toBe('file');
    expect(cleanFileName('\u0000\u0000').name).toBe('file');
  });

  it('cuts a long name to 180 units and keeps its extension', () => {
    const long = `${'证据'.repeat(150)}.xlsx`;
    const { name, changed } = cleanFileName(long);
    expect(changed).toBe(true);
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name.length).toBe(MAX_FILE_NAME_LENGTH);
    // A character of two units (an emoji) is never cut in half.
    const emoji = cleanFileName(`${'😀'.repeat(120)}.png`).name;
    expect(emoji.endsWith('.png')).toBe(true);
    expect(emoji.slice(0, -4)).toBe('😀'.repeat(88));
    // A 300-character name with no extension.
    expect(cleanFileName('a'.repeat(300)).name).toBe('a'.repeat(180));
    // A long "extension" is part of the name.
    expect(cleanFileName(`x.${'y'.repeat(300)}`).name.length).toBe(180);
  });

  it('never leaves a separator or control character, stays within 180 units and is idempotent', () => {
    const interesting = fc.constantFrom('/', '\\', '.', ' ', '\u0000', '\u202e', '\u0301', 'e', 'CON', 'nul', 'lpt1', ':', '*', '\ud83d', '\ude00', '😀', '证', '\u3000', '\u0338', '<', 'x'.repeat(90));
    const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(interesting, { maxLength: 60 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(name, (raw) => {
        const once = cleanFileName(raw).name;
        expect(once.length).toBeGreaterThan(0);
        expect(once.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        // eslint-disable-next-line no-control-regex -- control characters are what must not be left
        expect(once).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(once).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(cleanFileName(once)).toEqual({ name: once, changed: false });
      }),
      propertyRuns('cleanFileName', 1000),
    );
  });
});
