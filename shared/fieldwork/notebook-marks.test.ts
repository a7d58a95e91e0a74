import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { entryMarks, markAt, parseEntry, type NotebookSegment } from './notebook-marks.ts';

function rebuild(segments: readonly NotebookSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.raw)).join('');
}

/** The segments in a compact form: text as a string, marks as `{kind, ...fields}` without positions. */
function shape(text: string): unknown[] {
  return parseEntry(text).map((s) => {
    if (s.kind === 'text') return s.text;
    const { raw: _raw, start: _start, end: _end, ...fields } = s;
    return fields;
  });
}

describe('person marks', () => {
  it('take a name and a role after the first comma, or a name alone', () => {
    expect(shape('@Jane Smith, Change manager')).toEqual([
      { kind: 'person', name: 'Jane Smith', role: 'Change manager' },
    ]);
    expect(shape('@Jane Smith')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }]);
    expect(shape('Met @Jane   Smith ,  Change  manager')).toEqual([
      'Met ',
      { kind: 'person', name: 'Jane Smith', role: 'Change manager' },
    ]);
  });

  it('end at a line break, `;`, a sentence end, brackets, a second comma or the next mark', () => {
    expect(shape('@Jane Smith, Change manager; she showed')).toEqual([
      { kind: 'person', name: 'Jane Smith', role: 'Change manager' },
      '; she showed',
    ]);
    expect(shape('@Jane Smith. She showed')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }, '. She showed']);
    expect(shape('@Jane Smith\nnext line')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }, '\nnext line']);
    expect(shape('@Jane Smith, Change manager, who showed')).toEqual([
      { kind: 'person', name: 'Jane Smith', role: 'Change manager' },
      ', who showed',
    ]);
    expect(shape('@Jane Smith (CAB chair)')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }, ' (CAB chair)']);
    expect(shape('@Jane Smith #CHG-1')).toEqual([
      { kind: 'person', name: 'Jane Smith', role: null },
      ' ',
      { kind: 'record', id: 'CHG-1' },
    ]);
    expect(shape('@Jane @Bob Lee')).toEqual([
      { kind: 'person', name: 'Jane', role: null },
      ' ',
      { kind: 'person', name: 'Bob Lee', role: null },
    ]);
    expect(shape('@St.John Rivers, CAB')).toEqual([{ kind: 'person', name: 'St.John Rivers', role: 'CAB' }]);
  });

  it('give trailing punctuation and spaces back to the text; a comma with no role is punctuation', () => {
    expect(shape('Asked @Jane Smith.')).toEqual(['Asked ', { kind: 'person', name: 'Jane Smith', role: null }, '.']);
    expect(shape('@Jane Smith, ')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }, ', ']);
    expect(shape('@Jane Smith,; x')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }, ',; x']);
    expect(shape('@Jane Smith.,')).toEqual([{ kind: 'person', name: 'Jane Smith', role: null }, '.,']);
  });

  it('work with Chinese names and the full-width comma and punctuation', () => {
    expect(shape('@王海伦，变更经理')).toEqual([{ kind: 'person', name: '王海伦', role: '变更经理' }]);
    expect(shape('访谈了@王海伦，变更经理；她展示了变更记录')).toEqual([
      '访谈了',
      { kind: 'person', name: '王海伦', role: '变更经理' },
      '；她展示了变更记录',
    ]);
    expect(shape('@王海伦、@李明。')).toEqual([
      { kind: 'person', name: '王海伦', role: null },
      '、',
      { kind: 'person', name: '李明', role: null },
      '。',
    ]);
    expect(shape('@王海伦，变更经理，然后')).toEqual([{ kind: 'person', name: '王海伦', role: '变更经理' }, '，然后']);
  });

  it('are not e-mail addresses, a lone @, or @ before a digit or space', () => {
    expect(shape('mail p.shah@kestrel.example now')).toEqual(['mail p.shah@kestrel.example now']);
    expect(shape('王海伦 wang_hl@kestrel.cn')).toEqual(['王海伦 wang_hl@kestrel.cn']);
    expect(shape('@ Jane, @123, @')).toEqual(['@ Jane, @123, @']);
  });
});

describe('record marks', () => {
  it('take any #TOKEN with letters, digits, - _ . / inside', () => {
    expect(shape('#CHG-10422')).toEqual([{ kind: 'record', id: 'CHG-10422' }]);
    expect(shape('see #INC_2024/0042.a, ok')).toEqual(['see ', { kind: 'record', id: 'INC_2024/0042.a' }, ', ok']);
    expect(shape('#10422')).toEqual([{ kind: 'record', id: '10422' }]);
  });

  it('leave a trailing . , - / to the text', () => {
    expect(shape('Closed #CHG-10422.')).toEqual(['Closed ', { kind: 'record', id: 'CHG-10422' }, '.']);
    expect(shape('#CHG-1, #CHG-2-')).toEqual([
      { kind: 'record', id: 'CHG-1' },
      ', ',
      { kind: 'record', id: 'CHG-2' },
      '-',
    ]);
  });

  it('are not C#, URL fragments, headings, or ids running into letters', () => {
    expect(shape('written in C# and F#')).toEqual(['written in C# and F#']);
    expect(shape('http://x/#a https://x.example/page#top ?q=#1')).toEqual([
      'http://x/#a https://x.example/page#top ?q=#1',
    ]);
    expect(shape('# Heading ## two')).toEqual(['# Heading ## two']);
    expect(shape('#café')).toEqual(['#café']);
  });

  it('follow and precede Chinese text without spaces', () => {
    expect(shape('查看#CHG-1已关闭')).toEqual(['查看', { kind: 'record', id: 'CHG-1' }, '已关闭']);
    expect(shape('（#CHG-1）')).toEqual(['（', { kind: 'record', id: 'CHG-1' }, '）']);
  });
});

describe('document marks', () => {
  it('take the title between [[ and ]]', () => {
    expect(shape('[[Change policy v3.2]]')).toEqual([{ kind: 'document', title: 'Change policy v3.2' }]);
    expect(shape('per [[  变更管理程序  ]]。')).toEqual(['per ', { kind: 'document', title: '变更管理程序' }, '。']);
  });

  it('are ordinary text when unclosed, empty, nested or across a line', () => {
    expect(shape('[[Change policy')).toEqual(['[[Change policy']);
    expect(shape('[[]] [[ ]]')).toEqual(['[[]] [[ ]]']);
    expect(shape('[[a\nb]]')).toEqual(['[[a\nb]]']);
    expect(shape('[[a [[b]] c]]')).toEqual(['[[a ', { kind: 'document', title: 'b' }, ' c]]']);
    expect(shape('[[[x]]]')).toEqual(['[', { kind: 'document', title: 'x' }, ']']);
  });
});

describe('clause marks', () => {
  it('take clause numbers at any depth, with or without one space after §', () => {
    expect(shape('§8.5.1')).toEqual([{ kind: 'clause', number: '8.5.1' }]);
    expect(shape('§4, §4.1, § 10.2 and §8.3.4.1')).toEqual([
      { kind: 'clause', number: '4' },
      ', ',
      { kind: 'clause', number: '4.1' },
      ', ',
      { kind: 'clause', number: '10.2' },
      ' and ',
      { kind: 'clause', number: '8.3.4.1' },
    ]);
    expect(parseEntry('§ 8.5')[0]).toMatchObject({ raw: '§ 8.5', number: '8.5' });
  });

  it('leave a trailing . to the text and are not numbers running into letters', () => {
    expect(shape('See §8.5.1.')).toEqual(['See ', { kind: 'clause', number: '8.5.1' }, '.']);
    expect(shape('§8.1a §123 §  8 §')).toEqual(['§8.1a §123 §  8 §']);
    expect(shape('符合§8.5.1的要求')).toEqual(['符合', { kind: 'clause', number: '8.5.1' }, '的要求']);
  });
});

describe('escapes, several marks, positions', () => {
  it('a backslash before the sigil keeps it text, backslash included', () => {
    expect(shape('\\@Jane \\#CHG-1 \\[[Policy]] \\§8.5')).toEqual(['\\@Jane \\#CHG-1 \\[[Policy]] \\§8.5']);
  });

  it('finds several marks on one line, at the start and at the end, with their ranges', () => {
    const text = '@Jane Smith, Change manager; §8.5.1 #CHG-10422 per [[Change policy v3.2]]';
    const segments = parseEntry(text);
    expect(segments.map((s) => s.kind)).toEqual(['person', 'text', 'clause', 'text', 'record', 'text', 'document']);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.kind === 'text' ? s.text : s.raw);
    expect(rebuild(segments)).toBe(text);
    expect(parseEntry('')).toEqual([]);
  });

  it('entryMarks: each thing once in order of first appearance; people and documents ignore case', () => {
    const marks = entryMarks(
      '@Jane Smith; #CHG-1 #chg-1 §8.5 [[Policy]] @jane smith, CAB; [[POLICY]] #CHG-1 §8.5 §8.5.1 @Bob',
    );
    expect(marks.map((m) => m.raw)).toEqual(['@Jane Smith', '#CHG-1', '#chg-1', '§8.5', '[[Policy]]', '§8.5.1', '@Bob']);
  });
});

describe('markAt: the mark being typed', () => {
  it('gives the kind, the sigil position and the prefix', () => {
    expect(markAt('Met @Jane Sm', 12)).toEqual({ kind: 'person', start: 4, prefix: 'Jane Sm' });
    expect(markAt('Met @', 5)).toEqual({ kind: 'person', start: 4, prefix: '' });
    expect(markAt('@王海伦，变', 6)).toEqual({ kind: 'person', start: 0, prefix: '王海伦，变' });
    expect(markAt('@St.', 4)).toEqual({ kind: 'person', start: 0, prefix: 'St.' });
    expect(markAt('x #CHG-10', 9)).toEqual({ kind: 'record', start: 2, prefix: 'CHG-10' });
    expect(markAt('x #', 3)).toEqual({ kind: 'record', start: 2, prefix: '' });
    expect(markAt('per [[Change po', 15)).toEqual({ kind: 'document', start: 4, prefix: 'Change po' });
    expect(markAt('§ 8.5', 5)).toEqual({ kind: 'clause', start: 0, prefix: '8.5' });
    expect(markAt('@Jane #CH', 9)).toEqual({ kind: 'record', start: 6, prefix: 'CH' });
    // Judged on the text before the caret: in the middle of a finished mark, its prefix so far.
    expect(markAt('[[Change policy]]', 8)).toEqual({ kind: 'document', start: 0, prefix: 'Change' });
  });

  it('is null outside a mark, after a mark has ended, for C#, emails and out-of-range carets', () => {
    expect(markAt('plain text', 5)).toBeNull();
    expect(markAt('@Jane Smith; then', 17)).toBeNull();
    expect(markAt('#CHG-1 done', 11)).toBeNull();
    expect(markAt('[[Policy]] x', 12)).toBeNull();
    expect(markAt('C#', 2)).toBeNull();
    expect(markAt('p.shah@kes', 10)).toBeNull();
    expect(markAt('@Jane\nnext', 10)).toBeNull();
    expect(markAt('@Jane', -1)).toBeNull();
    expect(markAt('@Jane', 6)).toBeNull();
    expect(markAt('@Jane', 1.5)).toBeNull();
  });
});

/** Strings rich in marks, sigils, separators and Chinese, next to arbitrary unicode. */
const markish = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('@', '#', '§', '§ ', '[[', ']]', '[', ']', '\\', ',', '，', ';', '；', '.', '. ', '。', '、', ' ', '\n') },
      { weight: 3, arbitrary: fc.constantFrom('Jane', 'Smith', 'CHG-1', '8.5.1', '4', 'C', 'x/', '王海伦', '变更经理', 'p.shah', 'é', '😀', '_') },
      { weight: 3, arbitrary: fc.constantFrom('@Jane', ' @王海伦', '#CHG-1', ' #42.', '[[Policy v3.2]]', '§8.5', ' § 10.2', '@Bob, CAB') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(markish, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('properties', () => {
  it('the generated entries hold marks of every kind (the properties below are not vacuous)', () => {
    const kinds = new Set(fc.sample(markish, { seed: 1, numRuns: 200 }).flatMap((t) => parseEntry(t).map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['clause', 'document', 'person', 'record', 'text']);
  });

  it('the segments rebuild any input exactly, with contiguous ordered ranges and no empty segment', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const segments = parseEntry(text);
        expect(rebuild(segments)).toBe(text);
        let at = 0;
        for (const s of segments) {
          expect(s.start).toBe(at);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.kind === 'text' ? s.text : s.raw);
          at = s.end;
        }
        expect(at).toBe(text.length);
        for (let k = 1; k < segments.length; k++) {
          expect(segments[k - 1]?.kind === 'text' && segments[k]?.kind === 'text').toBe(false);
        }
      }),
      propertyRuns('notebook marks rebuild', 500),
    );
  });

  it('parsing is idempotent, and each mark parsed on its own is the same mark', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const segments = parseEntry(text);
        expect(parseEntry(rebuild(segments))).toEqual(segments);
        for (const s of segments) {
          if (s.kind === 'text') continue;
          const alone = parseEntry(s.raw);
          expect(alone).toHaveLength(1);
          expect(alone[0]).toEqual({ ...s, start: 0, end: s.raw.length });
        }
      }),
      propertyRuns('notebook marks idempotent', 500),
    );
  });

  it('markAt never throws at any caret, and what it finds starts with its sigil before the caret', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (let caret = -1; caret <= text.length + 1; caret++) {
          const found = markAt(text, caret);
          if (found === null) continue;
          expect(found.start).toBeGreaterThanOrEqual(0);
          expect(found.start).toBeLessThan(caret);
          expect(text.slice(found.start, caret).endsWith(found.prefix)).toBe(true);
        }
      }),
      propertyRuns('notebook marks markAt', 300),
    );
  });
});
