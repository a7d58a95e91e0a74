import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectHeaderLine, detectNewline } from './dialect.ts';
import { detectEncoding } from './encoding.ts';
import { fileKindOf } from './file-kind.ts';

const CHINESE = '事件编号,报告时间,优先级,服务分类,处理状态,处理人,所属地点\nINC-2026-0001,2026年3月1日 上午9:15,高,网络服务,已解决,王建国,深圳数据中心\nINC-2026-0002,2026年3月2日 下午3:40,中,邮件系统,已关闭,陈晓明,北京总部\n';
const FRENCH = 'Numéro;Ouvert le;Priorité;Catégorie;Assigné à\nINC1;01/03/2026;Élevée;Réseau élargi;François Lefèvre\nINC2;02/03/2026;Moyenne;Coût € prévu;Hélène Dupré\n';
const GERMAN = 'Nummer;Geöffnet;Priorität;Kategorie;Zuständig\nINC1;01.03.2026;Hoch;Netzwerk;Jürgen Müller\nINC2;02.03.2026;Mittel;Größenänderung;Björn Weiß\n';

describe('detectEncoding', () => {
  it('takes GB18030 for Chinese text and Windows-1252 for French and German', () => {
    expect(detectEncoding(iconv.encode(CHINESE, 'gb18030'), true).encoding).toBe('gb18030');
    expect(detectEncoding(iconv.encode(FRENCH, 'windows-1252'), true).encoding).toBe('windows-1252');
    expect(detectEncoding(iconv.encode(GERMAN, 'windows-1252'), true).encoding).toBe('windows-1252');
  });

  it('takes valid UTF-8 as UTF-8, forgiving a sequence cut by the sample’s end', () => {
    const bytes = Buffer.from(CHINESE);
    expect(detectEncoding(bytes, true).encoding).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, 20), false).encoding).toBe('utf-8'); // 20 is inside 报
    expect(detectEncoding(Buffer.from('plain ascii'), true).candidates).toEqual(['utf-8', 'gb18030', 'windows-1252', 'utf-16le', 'utf-16be']);
  });

  it('finds UTF-16 by its BOM or by where the NULs fall, and a NUL or two is not UTF-16', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('a,b', 'utf-16be')]), true)).toMatchObject({ encoding: 'utf-16be', bom: { encoding: 'utf-16be', length: 2 } });
    expect(detectEncoding(iconv.encode('Number,State\nINC1,Open\n', 'utf-16be'), true).encoding).toBe('utf-16be');
    expect(detectEncoding(iconv.encode('Number,State\nINC1,Open\n', 'utf-16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('Number,State\nINC1,Op\0en\nINC2,Closed\n'), true).encoding).toBe('utf-8');
  });
});

describe('dialect', () => {
  it('counts delimiters outside quotes only', () => {
    expect(detectDelimiter('a;b;c\n"x,y,z";2;3\n"p,q";5;6\n')).toBe(';');
    expect(detectDelimiter('id|name\n1|"a;b;c;d"\n')).toBe('|');
    expect(detectDelimiter('single column\nvalue\n')).toBe(',');
  });

  it('finds the newline and a header under a title line', () => {
    expect(detectNewline('"a\nb",c\r\nx')).toBe('\r\n');
    expect(detectNewline('a\rb\r')).toBe('\r');
    expect(detectHeaderLine('Exported 2026-03-01\n\nNumber,Opened,State\n"INC1","two\nlines",Open\n', ',')).toBe(3);
  });
});

describe('fileKindOf', () => {
  it('knows renamed binaries by their magic bytes', () => {
    expect(fileKindOf(Buffer.from('%PDF-1.4\n'), false)).toBe('pdf');
    expect(fileKindOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), false)).toBe('xls');
    expect(fileKindOf(Buffer.from([1, 2, 3, 4, 5, 6, 0, 0, 0, 9]), false)).toBe('binary');
    expect(fileKindOf(Buffer.from('a,b\n1,2\n'), false)).toBe('text');
  });
});
