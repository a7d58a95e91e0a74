import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes, formatDay, formatDayRange, formatDuration, formatInstant, formatNumber } from './format.ts';
import { compareNames } from '../i18n/locale.ts';

// Intl in the interface language: the formatters follow i18next's language at call time.
describe('formatting in the interface language', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: {} });
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('writes English days day-month-year, ranges with shared parts once, 24-hour times', async () => {
    await i18next.changeLanguage('en');
    expect(formatDay('2026-12-07')).toBe('7 Dec 2026');
    expect(formatDayRange('2026-12-07', '2026-12-09')).toMatch(/^7\s–\s9 Dec 2026$/); // ICU puts thin spaces round the dash
    expect(formatDayRange('2026-12-07', '2026-12-07')).toBe('7 Dec 2026');
    const local = new Date(2026, 11, 7, 14, 30).toISOString();
    expect(formatInstant(local)).toMatch(/14:30/);
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatBytes(153)).toBe('153 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(1023 * 1024 * 1024)).toBe('1,023.0 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });

  it('writes Chinese days as 2026年12月7日, ranges with 至, 24-hour times', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(formatDay('2026-12-07')).toBe('2026年12月7日');
    expect(formatDayRange('2026-12-07', '2026-12-09')).toBe('2026年12月7日至2026年12月9日');
    const local = new Date(2026, 11, 7, 14, 30).toISOString();
    expect(formatInstant(local)).toMatch(/^2026年12月7日 14:30$/);
  });

  it('leaves values it cannot read as they are', async () => {
    await i18next.changeLanguage('en');
    expect(formatDay('7/12/2026')).toBe('7/12/2026');
    expect(formatInstant('not a time')).toBe('not a time');
  });

  it('sorts names with the language’s collation (Chinese by pinyin)', async () => {
    await i18next.changeLanguage('zh-CN');
    // 北京 (běijīng) before 上海 (shànghǎi) before 深圳 (shēnzhèn): pinyin order, not code points.
    expect(['深圳', '上海', '北京'].sort(compareNames)).toEqual(['北京', '上海', '深圳']);
    await i18next.changeLanguage('en');
    expect(['zeta', 'Émile', 'alpha', 'site 10', 'site 9'].sort(compareNames)).toEqual(['alpha', 'Émile', 'site 9', 'site 10', 'zeta']);
  });
});

describe('durations in the interface language', () => {
  it('writes at most two units, rounded, as English and Chinese write them', async () => {
    await i18next.init({ lng: 'en', resources: {} });
    await i18next.changeLanguage('en');
    expect(formatDuration(80)).toBe('1 min 20 secs');
    expect(formatDuration(3900)).toBe('1 hr 5 mins');
    expect(formatDuration(120)).toBe('2 mins');
    expect(formatDuration(0.2)).toBe('1 sec');
    await i18next.changeLanguage('zh-CN');
    expect(formatDuration(80)).toBe('1分钟20秒');
    expect(formatDuration(3900)).toBe('1小时5分钟');
    await i18next.changeLanguage('en');
  });
});
