import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, TerminologySchema, wrongTermsIn } from '../../../scripts/terminology.ts';
import { propertyRuns } from '../../helpers/property.ts';
import {
  gradesInOrder,
  PROFILE_FORMAT,
  PROFILE_LIMITS,
  profileKey,
  profileTemplates,
  upgradeProfileV1,
  type CbProfile,
  type CbProfileV1,
  type LocalizedText,
} from '../../../shared/cb-profile/profile.ts';
import { PROFILE_ISSUE_CODES, type ProfileIssue } from '../../../shared/cb-profile/profile-issues.ts';
import { BAD_PROFILES, BAD_PROFILES_V2, deleteAt, fictionalCbProfile, fictionalCbProfileV2, setAt, TINY_TEMPLATE_DATA } from './profile-test-fixtures.ts';
import { checkProfile, parseProfileJson } from '../../../shared/cb-profile/profile-validate.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const DEFAULT_TEXT = fs.readFileSync(path.join(root, 'resources/cb-profiles/default.json'), 'utf8');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(root, 'resources/cb-profiles/cb-profile.schema.json'), 'utf8')) as {
  required: string[];
  properties: Record<string, { required?: string[] }>;
};

function shipped(): CbProfile {
  const result = parseProfileJson(DEFAULT_TEXT);
  if (!result.ok) throw new Error(`the shipped profile is refused: ${JSON.stringify(result.issues)}`);
  return result.profile;
}

function issuesOf(value: unknown): readonly ProfileIssue[] {
  const result = checkProfile(value);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const where = (issues: readonly ProfileIssue[]) => issues.map(({ code, path }) => ({ code, path }));

describe('the shipped default profile (resources/cb-profiles/default.json)', () => {
  it('is valid', () => {
    const profile = shipped();
    expect(profileKey(profile)).toBe('aw.default@1.0.0');
    expect(profile.format).toBe(PROFILE_FORMAT);
  });

  it('grades: major and minor nonconformity, observation, opportunity for improvement, good practice, with the approved Chinese terms', () => {
    const grades = gradesInOrder(shipped());
    expect(grades.map((g) => [g.key, g.code, g.name.en, g.name['zh-Hans'], g.isNonconformity])).toEqual([
      ['major', 'MAJ', 'Major nonconformity', '严重不符合', true],
      ['minor', 'MIN', 'Minor nonconformity', '轻微不符合', true],
      ['observation', 'OBS', 'Observation', '观察项', false],
      ['improvement', 'OFI', 'Opportunity for improvement', '改进机会', false],
      ['good-practice', 'GP', 'Good practice', '良好实践', false],
    ]);
    // The reference's definitions (ISO/IEC 17021-1 3.12 / 3.13 and its notes).
    expect(grades[0]!.definition.en).toContain('affects the capability of the management system to achieve its intended results');
    expect(grades[0]!.definition.en).toContain('systemic failure');
    expect(grades[1]!.definition.en).toContain('does not affect the capability');
  });

  it('sets no deadlines and no audit-time values: both are the certification body’s', () => {
    const profile = shipped();
    expect(profile.grades.every((g) => g.responseDays === undefined && g.verificationDays === undefined)).toBe(true);
    expect(profile.auditTime.tableSource).toBe('not-provided');
    expect(profile.auditTime.rows).toEqual([]);
    expect(profile.auditTime.note?.en).toMatch(/^Import your certification body's table/);
    expect(profile.certificationBody).toBeUndefined();
  });

  it('record sampling: judgment, 3–10 per process; the frequency table only as an option', () => {
    const { recordSampling } = shipped();
    expect(recordSampling.defaultMethod).toBe('judgment');
    expect(recordSampling.judgment).toEqual({ minPerProcess: 3, maxPerProcess: 10 });
    expect(recordSampling.frequencyTable?.rows.map((r) => [r.sampleMin, r.sampleMax])).toEqual([
      [1, 1],
      [2, 2],
      [2, 5],
      [5, 15],
      [20, 40],
      [25, 60],
    ]);
    expect(recordSampling.frequencyTable?.note?.en).toMatch(/^Optional/);
  });

  it('photos: metadata stripped; a recommendation wording for every audit type, in both languages', () => {
    const profile = shipped();
    expect(profile.photoPolicy).toBe('strip-metadata');
    expect(profile.fivePointProcessGrid).toBe(false);
    for (const type of ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension', 'short_notice'] as const) {
      const outcomes = profile.recommendations.filter((r) => r.auditTypes.includes(type)).map((r) => r.outcome);
      expect(outcomes, type).toContain('positive');
      expect(outcomes, type).toContain('negative');
    }
  });

  it('uses no wrong variant of an approved term in its Chinese texts (docs/terminology.json)', () => {
    const terms = TerminologySchema.parse(JSON.parse(fs.readFileSync(DATA_FILE, 'utf8'))).terms;
    const pairs: [string, LocalizedText][] = [];
    const collect = (value: unknown, at: string): void => {
      if (typeof value !== 'object' || value === null) return;
      const record = value as Record<string, unknown>;
      if (typeof record.en === 'string' && typeof record['zh-Hans'] === 'string') pairs.push([at, record as LocalizedText]);
      for (const [key, child] of Object.entries(record)) collect(child, `${at}/${key}`);
    };
    collect(JSON.parse(DEFAULT_TEXT), '');
    expect(pairs.length).toBeGreaterThan(30);
    const violations = pairs.flatMap(([at, text]) => wrongTermsIn(at, text.en!, text['zh-Hans']!, terms));
    expect(violations).toEqual([]);
    // The check can fail: a wrong variant is found.
    expect(wrongTermsIn('x', 'Major nonconformity', '重大不符合', terms)).not.toEqual([]);
  });
});

describe('a profile using every field (fictional Chinese certification body)', () => {
  it('the example in docs/CB-PROFILE.md is valid', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/CB-PROFILE.md'), 'utf8');
    const example = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).find((block) => block.includes('"format"'));
    expect(example).toBeDefined();
    expect(parseProfileJson(example!)).toMatchObject({ ok: true });
  });


  it('is valid, with a CB label of its own (一般不符合)', () => {
    const result = parseProfileJson(pretty(fictionalCbProfile()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile.grades[1]!.name['zh-Hans']).toBe('一般不符合');
  });
});

describe('bad files', () => {
  it.each([
    ['', { reason: 'empty' }, undefined],
    ['   \n', { reason: 'empty' }, undefined],
    ['{', { reason: 'syntax', column: 2 }, 1],
    ['{\n  "id": "x",\n}', { reason: 'syntax', column: 1 }, 3],
    ['{"id": \'x\'}', { reason: 'syntax', column: 8 }, 1],
    ['<?xml version="1.0"?>', { reason: 'syntax', column: 1 }, 1],
  ])('%j is NOT_JSON', (text, params, line) => {
    const result = parseProfileJson(text);
    expect(result).toEqual({ ok: false, issues: [{ code: 'NOT_JSON', path: '', params, ...(line !== undefined ? { line } : {}) }] });
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const text = ' '.repeat(PROFILE_LIMITS.fileChars + 1);
    expect(parseProfileJson(text)).toEqual({ ok: false, issues: [{ code: 'FILE_TOO_LARGE', path: '', params: { chars: text.length, maxChars: PROFILE_LIMITS.fileChars } }] });
  });

  it.each([
    ['null', 'null', ''],
    ['[]', 'array', ''],
    ['42', 'number', ''],
    ['"audit-workbench-cb-profile"', 'string', ''],
  ])('%s is NOT_A_PROFILE', (text, found, at) => {
    expect(parseProfileJson(text)).toEqual({ ok: false, issues: [{ code: 'NOT_A_PROFILE', path: at, params: { found }, line: 1 }] });
  });

  it('a checklist pack (or anything of another format) is NOT_A_PROFILE, naming what it is', () => {
    const pack = fs.readFileSync(path.join(root, 'resources/checklists/iso20000-1-2018-amd1-2024.json'), 'utf8');
    const result = parseProfileJson(pack);
    expect(result).toEqual({ ok: false, issues: [{ code: 'NOT_A_PROFILE', path: '/format', params: { found: 'audit-workbench-checklist-pack' }, line: 3 }] });
    expect(where(issuesOf(deleteAt(fictionalCbProfile(), '/format')))).toEqual([{ code: 'NOT_A_PROFILE', path: '/format' }]);
  });

  it('a newer format is refused with NEWER_FORMAT, whatever else it holds (the app must be updated)', () => {
    const newer = setAt(setAt(fictionalCbProfile(), '/formatVersion', 3), '/signatures', [{ id: 'report' }]);
    expect(parseProfileJson(pretty(newer))).toEqual({
      ok: false,
      issues: [{ code: 'NEWER_FORMAT', path: '/formatVersion', params: { found: 3, supported: 2 }, line: 3 }],
    });
  });

  it.each([0, '1', '2', 1.5, null])('formatVersion %j is WRONG_VALUE, naming both readable versions', (version) => {
    const issues = issuesOf(setAt(fictionalCbProfile(), '/formatVersion', version));
    expect(issues).toContainEqual({ code: 'WRONG_VALUE', path: '/formatVersion', params: { allowed: [1, 2] } });
  });

  it.each(SCHEMA.required.filter((field) => field !== 'format'))('without "%s": MISSING_FIELD at its path', (field) => {
    const issues = issuesOf(deleteAt(fictionalCbProfile(), `/${field}`));
    expect(where(issues)).toContainEqual({ code: 'MISSING_FIELD', path: `/${field}` });
    expect(issues.find((i) => i.code === 'MISSING_FIELD')?.params).toEqual({ field });
  });

  it.each(
    (['findingNumbering', 'auditTime', 'recordSampling', 'stage1Readiness'] as const).flatMap((parent) =>
      (SCHEMA.properties[parent]!.required ?? []).map((field) => `/${parent}/${field}`),
    ),
  )('without %s: MISSING_FIELD', (pointer) => {
    expect(where(issuesOf(deleteAt(fictionalCbProfile(), pointer)))).toContainEqual({ code: 'MISSING_FIELD', path: pointer });
  });

  it.each(BAD_PROFILES.map((bad) => [bad.name, bad] as const))('%s', (_name, bad) => {
    const issues = issuesOf(bad.edit(fictionalCbProfile()));
    expect(where(issues)).toContainEqual({ code: bad.code, path: bad.path });
  });

  it('names the line of each issue in the text', () => {
    const text = pretty(setAt(fictionalCbProfile(), '/grades/2/key', 'major'));
    const result = parseProfileJson(text);
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues[0];
    expect(issue).toMatchObject({ code: 'DUPLICATE_GRADE', path: '/grades/2/key', params: { key: 'major', firstIndex: 0 } });
    const lines = text.split('\n');
    expect(lines[issue!.line! - 1]).toContain('"key": "major"');
    // The third grade's line, not the first's: the second grade comes before it.
    expect(lines.slice(0, issue!.line! - 1).join('\n')).toContain('"key": "minor"');
  });

  it('reports every issue of a file, each once, with params that are plain JSON (codes, never sentences)', () => {
    const profile = fictionalCbProfile();
    setAt(profile, '/photoPolicy', 'x');
    setAt(profile, '/version', 'one');
    deleteAt(profile, '/grades/0/name');
    const issues = issuesOf(profile);
    expect(where(issues)).toEqual([
      { code: 'BAD_FORMAT', path: '/version' },
      { code: 'MISSING_FIELD', path: '/grades/0/name' },
      { code: 'WRONG_VALUE', path: '/photoPolicy' },
    ]);
    expect(issues[2]!.params).toEqual({ allowed: ['strip-metadata', 'keep-capture-time', 'keep-capture-time-and-location'] });
    for (const issue of issues) expect(JSON.parse(JSON.stringify(issue))).toEqual(issue);
  });
});

describe('format 2: the CB\'s own Word templates', () => {
  it('a format 2 profile with templates is valid, and lists them by kind', () => {
    const result = parseProfileJson(pretty(fictionalCbProfileV2()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.formatVersion).toBe(2);
    expect(profileTemplates(result.profile, 'audit-plan').map((t) => [t.key, t.language, t.fileName])).toEqual([
      ['plan-zh', 'zh-Hans', '审核计划模板.docx'],
      ['plan-en', 'en', 'Audit plan.DOCX'],
    ]);
    expect(profileTemplates(result.profile, 'nc-form')).toEqual([]);
    expect(Buffer.from(result.profile.templates![0]!.data, 'base64').subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });

  it('a format 2 profile without templates is valid (the list is optional)', () => {
    expect(checkProfile({ ...fictionalCbProfile(), formatVersion: 2 })).toMatchObject({ ok: true });
    expect(checkProfile({ ...fictionalCbProfile(), formatVersion: 2, templates: [] })).toMatchObject({ ok: true });
  });

  it('a format 1 profile loads unchanged: the same value, still format 1, no templates (an engagement\'s copy never changes)', () => {
    const text = pretty(fictionalCbProfile());
    const result = parseProfileJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toEqual(JSON.parse(text));
    expect(result.profile.formatVersion).toBe(1);
    expect(profileTemplates(result.profile)).toEqual([]);
    // The upgrade is pure and keeps the value: the content hash, the library's identity, stays the same.
    const v1 = JSON.parse(text) as CbProfileV1;
    expect(upgradeProfileV1(v1)).toBe(v1);
    expect(JSON.stringify(upgradeProfileV1(v1))).toBe(JSON.stringify(JSON.parse(text)));
    expect(parseProfileJson(DEFAULT_TEXT)).toMatchObject({ ok: true, profile: { formatVersion: 1 } });
  });

  it.each(BAD_PROFILES_V2.map((bad) => [bad.name, bad] as const))('%s', (_name, bad) => {
    const issues = issuesOf(bad.edit(fictionalCbProfileV2()));
    expect(where(issues)).toContainEqual({ code: bad.code, path: bad.path });
  });

  it('a template over 10 MiB is TEMPLATE_TOO_LARGE at its path, with the limit', () => {
    const big = `UEsDB${'A'.repeat(Math.ceil((11 * 1024 * 1024 * 4) / 3 / 4) * 4 - 5)}`;
    const result = parseProfileJson(pretty(setAt(fictionalCbProfileV2(), '/templates/1/data', big)));
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues.find((i) => i.code === 'TEMPLATE_TOO_LARGE');
    expect(issue).toMatchObject({ path: '/templates/1/data', params: { maxBytes: PROFILE_LIMITS.templateBytes }, line: expect.any(Number) });
    expect(Number(issue!.params.bytes)).toBeGreaterThan(11_000_000);
  });

  it('a profile holding a 50 MB template is refused as FILE_TOO_LARGE before it is parsed', () => {
    const text = pretty(setAt(fictionalCbProfileV2(), '/templates/0/data', 'A'.repeat(Math.ceil((50_000_000 * 4) / 3))));
    expect(parseProfileJson(text)).toEqual({ ok: false, issues: [{ code: 'FILE_TOO_LARGE', path: '', params: { chars: text.length, maxChars: PROFILE_LIMITS.fileChars } }] });
  });

  it('the limits agree: the base64 limit holds exactly templateBytes', () => {
    expect(PROFILE_LIMITS.templateDataChars).toBe(13_981_016);
    expect(Math.floor((PROFILE_LIMITS.templateDataChars * 3) / 4)).toBeGreaterThanOrEqual(PROFILE_LIMITS.templateBytes);
    expect(Math.floor(((PROFILE_LIMITS.templateDataChars - 4) * 3) / 4)).toBeLessThan(PROFILE_LIMITS.templateBytes);
    expect(PROFILE_LIMITS.fileChars).toBeGreaterThan(2 * PROFILE_LIMITS.templateDataChars);
    expect(TINY_TEMPLATE_DATA.length % 4).toBe(0);
  });
});

describe('any input gets an answer, never an exception', () => {
  const isAnswer = (result: ReturnType<typeof checkProfile>): void => {
    if (result.ok) return;
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(PROFILE_ISSUE_CODES).toContain(issue.code);
      expect(issue.code).not.toBe('CHECK_FAILED');
      expect(typeof issue.path).toBe('string');
    }
  };

  it('random JSON values and texts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        isAnswer(checkProfile(value));
        isAnswer(parseProfileJson(JSON.stringify(value) ?? 'null'));
        isAnswer(parseProfileJson(text));
      }),
      propertyRuns('cb profile: random values'),
    );
  });

  it.each([
    ['format 1', fictionalCbProfile],
    ['format 2', fictionalCbProfileV2],
  ] as const)('the valid profile (%s) with one value replaced by random JSON, anywhere', (_name, make) => {
    const base = make();
    const pointers: string[] = [];
    const walk = (value: unknown, at: string): void => {
      pointers.push(at);
      if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) walk(child, `${at}/${key}`);
    };
    walk(base, '');
    fc.assert(
      fc.property(fc.constantFrom(...pointers.slice(1)), fc.jsonValue(), (pointer, value) => {
        isAnswer(checkProfile(setAt(make(), pointer, value as never)));
      }),
      propertyRuns('cb profile: one value replaced'),
    );
  });

  it('values that are not JSON at all', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withBigInt: true, withTypedArray: true, withDate: true, withNullPrototype: true }), (value) => {
        isAnswer(checkProfile(value));
        isAnswer(checkProfile({ ...fictionalCbProfile(), grades: value }));
      }),
      propertyRuns('cb profile: anything'),
    );
    isAnswer(parseProfileJson(undefined as unknown as string));
    isAnswer(checkProfile(undefined));
  });

  it('a text nested too deep for the line finder still gets its answer', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(parseProfileJson(deep)).toMatchObject({ ok: false, issues: [{ code: 'NOT_A_PROFILE' }] });
    const broken = `${'['.repeat(200_000)}`;
    expect(parseProfileJson(broken)).toMatchObject({ ok: false, issues: [{ code: 'NOT_JSON' }] });
  });
});
