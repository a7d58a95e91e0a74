import { describe, expect, it } from 'vitest';
import { checkPlaceholders, type FoundTag } from './placeholder-check.ts';
import { PLAN_PLACEHOLDERS } from './plan-placeholders.ts';

let paragraph = 0;
const at = () => ({ part: 'word/document.xml', paragraph: ++paragraph, excerpt: '' });
const tags = (...written: string[]): FoundTag[] =>
  written.map((text) => (text.startsWith('#') ? { kind: 'open', name: text.slice(1), where: at() } : text.startsWith('/') ? { kind: 'close', name: text.slice(1), where: at() } : { kind: 'value', name: text, where: at() }));
const codes = (...parts: FoundTag[][]) => checkPlaceholders(parts, PLAN_PLACEHOLDERS).issues.map((issue) => [issue.code, issue.params]);

describe('the placeholders of a template against the catalogue', () => {
  it('knows top-level names anywhere, and a section\'s fields inside it (outer names too)', () => {
    expect(codes(tags('client.name', '#sessions', 'start', 'client.name', '#isRemote', 'remoteTool', '/isRemote', '/sessions'))).toEqual([]);
  });

  it('resolves the innermost section first: days → sessions → session fields, day fields still visible', () => {
    expect(codes(tags('#days', 'dayNumber', '#sessions', 'title', 'dayNumber', '/sessions', '/days'))).toEqual([]);
  });

  it('a condition on any known value opens no scope', () => {
    expect(codes(tags('#client.creditCode', 'client.creditCode', 'start', '/client.creditCode'))).toEqual([['OUTSIDE_SECTION', { name: 'start', section: 'sessions', count: 1 }]]);
  });

  it('reports unknown names once with their count, fields outside their section, and sections used as text', () => {
    expect(codes(tags('client.vat', 'client.vat', 'role', 'team', '#nope', '/nope'))).toEqual([
      ['SECTION_AS_TEXT', { name: 'team' }],
      ['UNKNOWN_PLACEHOLDER', { name: 'client.vat', count: 2 }],
      ['OUTSIDE_SECTION', { name: 'role', section: 'team', count: 1 }],
      ['UNKNOWN_PLACEHOLDER', { name: 'nope', count: 1 }],
    ]);
  });

  it('reports sections unclosed, closed twice, crossed; `{/}` closes whatever is open', () => {
    expect(codes(tags('#sessions', '#team', '/sessions', '/team', '/team', '#sites', '/'))).toEqual([
      ['MISMATCHED_SECTION_END', { open: 'team', close: 'sessions' }],
      ['MISMATCHED_SECTION_END', { open: 'sessions', close: 'team' }],
      ['UNOPENED_SECTION_END', { name: 'team' }],
    ]);
    expect(codes(tags('#sessions', 'title'))).toEqual([['UNCLOSED_SECTION', { name: 'sessions' }]]);
  });

  it('each part closes its own sections (the library fills body, headers and footers one by one)', () => {
    expect(codes(tags('#sessions'), tags('/sessions'))).toEqual([
      ['UNCLOSED_SECTION', { name: 'sessions' }],
      ['UNOPENED_SECTION_END', { name: 'sessions' }],
    ]);
  });

  it('lists what is used, and what is left out: top-level names, and the fields of the sections used', () => {
    const report = checkPlaceholders([tags('client.name', '#team', 'name', '/team')], PLAN_PLACEHOLDERS);
    expect(report.used).toEqual(['client.name', 'team', 'team/name']);
    expect(report.unused).toContain('client.address');
    expect(report.unused).toContain('team/role');
    expect(report.unused).toContain('sessions');
    expect(report.unused).not.toContain('sessions/start');
  });
});
