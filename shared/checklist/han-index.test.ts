import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { HanIndex, hanRunsOf, wordsOf } from './han-index.ts';

describe('words and Han runs', () => {
  it('splits text without Han exactly as MiniSearch always did', () => {
    const split = MiniSearch.getDefault('tokenize') as (text: string) => string[];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019 .,;:/-\'"\n\té§–') }), (text) => {
        expect(wordsOf(text)).toEqual(split(text));
      }),
    );
  });

  it('gives MiniSearch only the Latin words and numbers of Chinese text, full-width as ASCII', () => {
    expect(wordsOf('CMDB中的配置项是否准确？')).toEqual(['CMDB']);
    expect(wordsOf('ＣＭＤＢ与ITSM工具，每24小时同步')).toEqual(['CMDB', 'ITSM', '24']);
    expect(wordsOf('变更。管理')).toEqual([]);
  });

  it('reads the Han runs of a query', () => {
    expect(hanRunsOf('CMDB 配置项，审')).toEqual(['配置项', '审']);
    expect(hanRunsOf('emergency change')).toEqual([]);
    expect(hanRunsOf('第８条')).toEqual(['第', '条']);
  });
});

describe('the pair index', () => {
  const index = new HanIndex([3, 1]);
  index.add(['变更已经批准。管理评审每年进行。', '']); // 0
  index.add(['事件管理', '重大事件按程序处理']); // 1
  index.add(['容量计划', '容量不足时记录事件']); // 2
  const found = (...runs: string[]): number[] => [...index.search(runs).keys()].sort();

  it('finds runs by their pairs and reads them whole', () => {
    expect(found('批准')).toEqual([0]);
    expect(found('准管')).toEqual([]);
    expect(found('事件')).toEqual([1, 2]);
    expect(found('事件', '容量')).toEqual([2]);
    expect(found('重大事件')).toEqual([1]);
    expect(found('件')).toEqual([1, 2]);
    expect(found('无关')).toEqual([]);
  });

  it('scores a run in a boosted field above the same run elsewhere', () => {
    const scores = index.search(['事件']);
    expect(scores.get(1)!).toBeGreaterThan(scores.get(2)!);
  });
});
