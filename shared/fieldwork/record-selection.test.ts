import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { MAX_RANGE, cleanId, everyNth, expandRange, parsePastedIds, parseSingleId, splitNew, splitNumberedId, splitRangeText } from './record-selection.ts';

const ids = (result: ReturnType<typeof parsePastedIds>) => (result.ok ? result.ids : result.error);

/** A record id as ticketing tools write them: letters, digits and - _ . / inside, no separators. */
const recordId = fc
  .tuple(fc.constantFrom('CHG-', 'INC', 'PRB-', 'REL-2026-', '', 'RITM', 'ci/'), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom('', '-A', '.1', 'x'))
  .map(([prefix, n, pad, suffix]) => `${prefix}${String(n).padStart(pad, '0')}${suffix}`);
const separator = fc.constantFrom('\n', '\r\n', ',', ', ', ' ', '\t', ';', '；', '，', '、', '  \t ', '|', ' \n\n ');

describe('pasted ids', () => {
  it('split on anything a spreadsheet, an e-mail or a Chinese text puts between them', () => {
    expect(ids(parsePastedIds('CHG-10422\nCHG-10431\r\nCHG-10440'))).toEqual(['CHG-10422', 'CHG-10431', 'CHG-10440']);
    expect(ids(parsePastedIds('CHG-1\tCHG-2\tCHG-3\n'))).toEqual(['CHG-1', 'CHG-2', 'CHG-3']);
    expect(ids(parsePastedIds('INC0012, INC0013; INC0014 | INC0015'))).toEqual(['INC0012', 'INC0013', 'INC0014', 'INC0015']);
    expect(ids(parsePastedIds('变更单：CHG-1、CHG-2，CHG-3；CHG-4'))).toEqual(['CHG-1', 'CHG-2', 'CHG-3', 'CHG-4']);
  });

  it('leave out column headings and labels among numbered ids, and say which', () => {
    expect(parsePastedIds('Number\nCHG-1\nCHG-2\n')).toEqual({ ok: true, ids: ['CHG-1', 'CHG-2'], ignored: ['Number'] });
    expect(parsePastedIds('Changes: CHG-1 and CHG-2')).toEqual({ ok: true, ids: ['CHG-1', 'CHG-2'], ignored: ['Changes', 'and'] });
    // Ids without any digit are ids when nothing pasted has one.
    expect(parsePastedIds('ALPHA BRAVO')).toEqual({ ok: true, ids: ['ALPHA', 'BRAVO'], ignored: [] });
  });

  it('drop the notebook #, quotes and brackets around an id, and keep the rest as written', () => {
    expect(ids(parsePastedIds('#CHG-1 "CHG-2" (CHG-3) [CHG-04] chg-5'))).toEqual(['CHG-1', 'CHG-2', 'CHG-3', 'CHG-04', 'chg-5']);
    expect(cleanId('  “PRB-7”. ')).toBe('PRB-7');
  });

  it('keep each id once, in the order first pasted', () => {
    expect(ids(parsePastedIds('A-2 A-1 A-2 A-3 A-1'))).toEqual(['A-2', 'A-1', 'A-3']);
  });

  it('say so when nothing was pasted or an id is longer than a record id can be', () => {
    expect(ids(parsePastedIds(' \n\t, ;'))).toEqual({ code: 'empty' });
    expect(ids(parsePastedIds('""'))).toEqual({ code: 'empty' });
    const long = `CHG-${'9'.repeat(197)}`;
    expect(ids(parsePastedIds(`A-1 ${long}`))).toEqual({ code: 'tooLong', id: long });
  });

  it('never lose or duplicate an id, whatever separates them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(recordId, separator), { minLength: 1, maxLength: 60 }), fc.constantFrom('', ' ', '\n', '\t'), (parts, lead) => {
        const text = lead + parts.map(([id, sep]) => id + sep).join('');
        const result = parsePastedIds(text);
        expect(result.ok).toBe(true);
        const got = result.ok ? result.ids : [];
        const expected = [...new Set(parts.map(([id]) => id))];
        expect(got).toEqual(expected);
        expect(result.ok && result.ignored).toEqual([]);
      }),
      propertyRuns('pasted ids'),
    );
  });
});

describe('one id typed', () => {
  it('is trimmed and checked', () => {
    expect(parseSingleId('  #CHG-9 ')).toEqual({ ok: true, ids: ['CHG-9'] });
    expect(parseSingleId('  ')).toEqual({ ok: false, error: { code: 'empty' } });
  });
});

describe('ranges', () => {
  it('give every id from the first to the last, keeping the prefix and the zero padding', () => {
    const range = expandRange('CHG-10400', 'CHG-10410');
    expect(range.ok && range.ids.length).toBe(11);
    expect(range.ok && range.ids[0]).toBe('CHG-10400');
    expect(range.ok && range.ids[10]).toBe('CHG-10410');
    expect(ids(expandRange('INC0000098', 'INC0000102'))).toEqual(['INC0000098', 'INC0000099', 'INC0000100', 'INC0000101', 'INC0000102']);
    expect(ids(expandRange('PRB-98', 'PRB-102'))).toEqual(['PRB-98', 'PRB-99', 'PRB-100', 'PRB-101', 'PRB-102']);
    expect(ids(expandRange('REL-2026-07-A', 'REL-2026-09-A'))).toEqual(['REL-2026-07-A', 'REL-2026-08-A', 'REL-2026-09-A']);
    expect(ids(expandRange('42', '44'))).toEqual(['42', '43', '44']);
    expect(ids(expandRange('X-5', 'X-5'))).toEqual(['X-5']);
  });

  it('handle numbers beyond what a double holds exactly', () => {
    expect(ids(expandRange('T-90071992547409930', 'T-90071992547409932'))).toEqual(['T-90071992547409930', 'T-90071992547409931', 'T-90071992547409932']);
  });

  it('refuse ends of different series, reversed ends, ends without a number and huge ranges', () => {
    expect(ids(expandRange('CHG-1', 'INC-5'))).toEqual({ code: 'notSameSeries', from: 'CHG-1', to: 'INC-5' });
    expect(ids(expandRange('CHG-10', 'CHG-1'))).toEqual({ code: 'reversed', from: 'CHG-10', to: 'CHG-1' });
    expect(ids(expandRange('CHG-A', 'CHG-9'))).toEqual({ code: 'noNumber', id: 'CHG-A' });
    expect(ids(expandRange('A-1', `A-${MAX_RANGE + 1}`))).toEqual({ code: 'tooMany', count: MAX_RANGE + 1, max: MAX_RANGE });
    expect(ids(expandRange('', 'A-1'))).toEqual({ code: 'empty' });
  });

  it('are read from one text with .., a dash, ~ or 至 between the ends', () => {
    expect(splitRangeText('CHG-10400..CHG-10410')).toEqual({ from: 'CHG-10400', to: 'CHG-10410' });
    expect(splitRangeText('CHG-10400 – CHG-10410')).toEqual({ from: 'CHG-10400', to: 'CHG-10410' });
    expect(splitRangeText('CHG-10400 至 CHG-10410')).toEqual({ from: 'CHG-10400', to: 'CHG-10410' });
    expect(splitRangeText('CHG-10400 to CHG-10410')).toEqual({ from: 'CHG-10400', to: 'CHG-10410' });
    expect(splitRangeText('CHG-10400-CHG-10410')).toBeNull();
  });

  it('have end − start + 1 ids, strictly increasing, the ends as written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('CHG-', 'INC', 'PRB-', '', 'SR/'),
        fc.constantFrom('', '-B'),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 18 }),
        (prefix, suffix, start, span, width) => {
          const end = start + BigInt(span);
          const endWidth = Math.max(width, end.toString().length);
          const from = `${prefix}${start.toString().padStart(endWidth, '0')}${suffix}`;
          const to = `${prefix}${end.toString().padStart(endWidth, '0')}${suffix}`;
          const result = expandRange(from, to);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.ids).toHaveLength(span + 1);
          expect(result.ids[0]).toBe(from);
          expect(result.ids.at(-1)).toBe(to);
          expect(new Set(result.ids).size).toBe(span + 1);
          const numbers = result.ids.map((id) => BigInt(splitNumberedId(id)!.digits));
          numbers.forEach((n, i) => expect(n).toBe(start + BigInt(i)));
        },
      ),
      propertyRuns('ranges'),
    );
  });
});

describe('every n-th', () => {
  it('takes every n-th id from a start inside the range', () => {
    expect(ids(everyNth('CHG-10400', 'CHG-10499', 10, 'CHG-10403'))).toEqual(['CHG-10403', 'CHG-10413', 'CHG-10423', 'CHG-10433', 'CHG-10443', 'CHG-10453', 'CHG-10463', 'CHG-10473', 'CHG-10483', 'CHG-10493']);
    expect(ids(everyNth('INC001', 'INC010', 3))).toEqual(['INC001', 'INC004', 'INC007', 'INC010']);
  });

  it('refuses a start outside the range or the series, and a step below 1', () => {
    expect(ids(everyNth('A-10', 'A-20', 2, 'A-9'))).toEqual({ code: 'startOutside', start: 'A-9', from: 'A-10', to: 'A-20' });
    expect(ids(everyNth('A-10', 'A-20', 2, 'B-12'))).toEqual({ code: 'startOutside', start: 'B-12', from: 'A-10', to: 'A-20' });
    expect(ids(everyNth('A-10', 'A-20', 0))).toEqual({ code: 'badStep' });
    expect(ids(everyNth('A-10', 'A-20', 1.5))).toEqual({ code: 'badStep' });
    expect(ids(everyNth('A-1', 'A-5000', 2))).toEqual({ code: 'tooMany', count: 2500, max: MAX_RANGE });
    expect(ids(everyNth('A-1', 'A-5000', 5))).not.toHaveProperty('code');
  });

  it('gives ⌊(end − start) / n⌋ + 1 ids, n apart, all inside the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 990 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 990 }), (first, span, step, offset) => {
        const begin = first + Math.min(offset, span);
        const result = everyNth(`C-${first}`, `C-${first + span}`, step, `C-${begin}`);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.ids).toHaveLength(Math.floor((first + span - begin) / step) + 1);
        result.ids.forEach((id, i) => expect(id).toBe(`C-${begin + i * step}`));
      }),
      propertyRuns('every n-th'),
    );
  });
});

describe('new and already recorded', () => {
  it('splits a selection against the ids already there', () => {
    expect(splitNew(['A', 'B', 'C', 'B'], ['B', 'Z'])).toEqual({ fresh: ['A', 'C'], already: ['B'] });
  });
});
