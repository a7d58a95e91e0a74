import { describe, expect, it } from 'vitest';
import type { PlanDocumentInput } from '../documents/plan-input.ts';
import { PLAN_PLACEHOLDERS, type Placeholder } from './plan-placeholders.ts';
import { SAMPLE_PLAN_INPUT } from './plan-sample.ts';
import { planTemplateData, type TemplateRecord } from './plan-template-data.ts';
import { templateWriting } from './template-writing.ts';

/** The names and kinds a record holds, as the catalogue states them. */
function shapeOf(record: TemplateRecord): unknown[] {
  return Object.keys(record).map((name) => {
    const value = record[name]!;
    if (Array.isArray(value)) return [name, 'list', value.length ? shapeOf(value[0] as TemplateRecord) : []];
    return [name, typeof value === 'boolean' ? 'flag' : 'text'];
  });
}
const catalogueShape = (fields: readonly Placeholder[]): unknown[] => fields.map((field) => (field.kind === 'list' ? [field.name, 'list', catalogueShape(field.fields ?? [])] : [field.name, field.kind]));

describe('the plan as a template sees it', () => {
  it('holds exactly the catalogue\'s names, kinds and order, at every level', () => {
    expect(shapeOf(planTemplateData(SAMPLE_PLAN_INPUT))).toEqual(catalogueShape(PLAN_PLACEHOLDERS));
  });

  it('has plain values only, on objects without a prototype (nothing a template could call or inherit)', () => {
    const data = planTemplateData(SAMPLE_PLAN_INPUT);
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf((data.sessions as TemplateRecord[])[0])).toBeNull();
    const kinds = new Set<string>();
    const walk = (value: unknown): void => {
      kinds.add(Array.isArray(value) ? 'array' : typeof value);
      if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
    };
    walk(data);
    expect([...kinds].sort()).toEqual(['array', 'boolean', 'object', 'string']);
    expect('constructor' in data).toBe(false);
  });

  it('orders sessions by day and time, numbers the audit days, and groups them by day', () => {
    const shuffled: PlanDocumentInput = { ...SAMPLE_PLAN_INPUT, sessions: [...SAMPLE_PLAN_INPUT.sessions].reverse() };
    const data = planTemplateData(shuffled);
    const sessions = data.sessions as TemplateRecord[];
    expect(sessions.map((s) => `${s.dayIso} ${s.start} ${s.dayNumber}`)).toEqual(['2027-03-15 09:00 1', '2027-03-15 09:30 1', '2027-03-15 12:30 1', '2027-03-16 09:00 2', '2027-03-16 15:00 2']);
    const days = data.days as TemplateRecord[];
    expect(days.map((d) => [d.day, d.weekday, (d.sessions as TemplateRecord[]).length])).toEqual([
      ['15 March 2027', 'Monday', 3],
      ['16 March 2027', 'Tuesday', 2],
    ]);
  });

  it('lists a session\'s people by their part: auditors (lead, auditor, trainee), experts, accompanying persons', () => {
    const input: PlanDocumentInput = {
      ...SAMPLE_PLAN_INPUT,
      team: [
        ...SAMPLE_PLAN_INPUT.team,
        { id: 'expert', name: 'Ed Expert', role: 'technical_expert', roleLabel: 'Technical expert', registrationNumber: '' },
        { id: 'observer', name: 'Olga Observer', role: 'observer', roleLabel: 'Observer', registrationNumber: '' },
      ],
      sessions: [{ ...SAMPLE_PLAN_INPUT.sessions[1]!, teamMemberIds: ['observer', 'expert', 'trainee', 'lead'] }],
    };
    const [session] = planTemplateData(input).sessions as TemplateRecord[];
    expect(session).toMatchObject({
      auditors: 'Dana Example, Kim Example',
      experts: 'Ed Expert',
      accompanying: 'Olga Observer',
      people: 'Dana Example (Lead auditor), Kim Example (Trainee), Ed Expert (Technical expert), Olga Observer (Observer)',
    });
  });

  it('sets the conditions from the plan', () => {
    const data = planTemplateData(SAMPLE_PLAN_INPUT);
    expect(data).toMatchObject({ 'audit.isStage2': true, 'audit.isStage1': false, 'audit.hasRemoteSessions': true, 'audit.hasOnSiteSessions': true, 'audit.isRemote': false, 'audit.isCombined': false });
    const remoteOnly = planTemplateData({ ...SAMPLE_PLAN_INPUT, sessions: SAMPLE_PLAN_INPUT.sessions.map((s) => (s.kind === 'break' ? s : { ...s, siteName: null, remote: { tool: 'Video', identityCheck: 'ID', fallback: 'Phone' } })) });
    expect(remoteOnly['audit.isRemote']).toBe(true);
    expect(planTemplateData({ ...SAMPLE_PLAN_INPUT, sessions: [] })['audit.isRemote']).toBe(false);
    const sessions = data.sessions as TemplateRecord[];
    expect(sessions.map((s) => [s.isOpening, s.isClosing, s.isBreak, s.isRemote, s.isOnSite])).toEqual([
      [true, false, false, false, true],
      [false, false, false, false, true],
      [false, false, true, false, true],
      [false, false, false, true, false],
      [false, true, false, false, true],
    ]);
  });

  it('writes auditor-days in hundredths, empty when the CB allocated none', () => {
    const data = planTemplateData({ ...SAMPLE_PLAN_INPUT, auditorDays: { allocatedOnSite: 0.1, allocatedRemote: 0.2, plannedOnSite: 2.25, plannedRemote: 0, justification: '' } });
    expect(data).toMatchObject({ 'auditorDays.allocatedTotal': '0.3', 'auditorDays.plannedOnSite': '2.25', 'auditorDays.plannedTotal': '2.25' });
    const none = planTemplateData({ ...SAMPLE_PLAN_INPUT, auditorDays: { ...SAMPLE_PLAN_INPUT.auditorDays, allocatedOnSite: null, allocatedRemote: null } });
    expect(none).toMatchObject({ 'auditorDays.allocatedOnSite': '', 'auditorDays.allocatedTotal': '' });
  });
});

describe('writing values in the template\'s language', () => {
  it.each([
    ['en', '15 March 2027', 'Monday', '15 – 17 March 2027', 'a, b'],
    ['en-US', 'March 15, 2027', 'Monday', 'March 15 – 17, 2027', 'a, b'],
    ['zh-Hans', '2027年3月15日', '星期一', '2027年3月15日至17日', 'a、b'],
    ['de', '15. März 2027', 'Montag', '15.–17. März 2027', 'a, b'],
  ])('%s', (language, date, weekday, range, list) => {
    const write = templateWriting(language);
    expect(write.date('2027-03-15')).toBe(date);
    expect(write.weekday('2027-03-15')).toBe(weekday);
    expect(write.dateRange('2027-03-15', '2027-03-17').replace(/[\u2009\u202f]/g, ' ')).toBe(range);
    expect(write.list(['a', '', 'b'])).toBe(list);
  });

  it('a date is a calendar day: no time zone moves it (formatted at UTC midnight)', () => {
    expect(templateWriting('en').date('2027-01-01')).toBe('1 January 2027');
    expect(templateWriting('zh-Hans').dateRange('2027-12-30', '2028-01-02')).toBe('2027年12月30日至2028年1月2日');
    expect(templateWriting('zh-Hans').dateRange('2027-03-30', '2027-04-02')).toBe('2027年3月30日至4月2日');
  });

  it('the day of an export instant is the audit time zone\'s (23:30 UTC is the next day in Shanghai)', () => {
    expect(templateWriting('en').dateOfInstant('2027-03-14T23:30:00Z', 'Asia/Shanghai')).toBe('15 March 2027');
    expect(templateWriting('en').dateOfInstant('2027-03-14T23:30:00Z', 'Not/AZone')).toBe('14 March 2027');
  });

  it('keeps a malformed date as it is rather than failing the fill', () => {
    expect(templateWriting('en').date('2027-3-1')).toBe('2027-3-1');
    expect(templateWriting('en').dateRange('', '2027-03-01')).toBe('2027-03-01');
  });
});
