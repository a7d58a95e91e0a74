import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, auditDayOf, daysBetween } from '../time.ts';
import { findingDeadlines, isOverdue } from './deadlines.ts';

const minor = { isNonconformity: true, responseDays: 30, verificationDays: 90 };
const major = { isNonconformity: true, responseDays: 30, verificationDays: 365 };

describe('calendar arithmetic for deadlines', () => {
  it('clamps 31 January + 1 month to the end of February, in leap and common years; 29 February + 1 year to the 28th', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('never moves a date across a daylight-saving change: the deadline is a day, not an instant', () => {
    // Europe/London goes to summer time on 29 March 2026: 30 days after 10 March is 9 April wherever it is read.
    expect(addDays('2026-03-10', 30)).toBe('2026-04-09');
    const noonOnTheDay = Date.parse('2026-04-09T12:00:00Z');
    for (const zone of ['Europe/London', 'Asia/Shanghai', 'America/New_York']) expect(auditDayOf(noonOnTheDay, zone)).toBe('2026-04-09');
  });

  it('adds days exactly (property: daysBetween(d, addDays(d, n)) = n), and months never overshoot the month', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), fc.integer({ min: 0, max: 36 }), (d, n, m) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        const later = addMonths(d, m);
        const months = (Number(later.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(later.slice(5, 7)) - Number(d.slice(5, 7));
        expect(months).toBe(m);
        expect(Number(later.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a nonconformity’s deadlines', () => {
  it('takes the response and verification days from the CB profile’s grade, after the last day of the audit', () => {
    expect(findingDeadlines({ lastAuditDay: '2026-12-10', auditType: 'surveillance1', grade: minor, major: false })).toEqual({
      response: '2027-01-09',
      verification: '2027-03-10',
      verificationBy: 'profile',
    });
  });

  it('verifies a stage 2 major within 6 months of the last day of stage 2 (17021-1), whatever the profile allows', () => {
    expect(findingDeadlines({ lastAuditDay: '2026-08-31', auditType: 'stage2', grade: major, major: true })).toMatchObject({ verification: '2027-02-28', verificationBy: 'stage2-six-months' });
    // A minor keeps the profile's date.
    expect(findingDeadlines({ lastAuditDay: '2026-08-31', auditType: 'stage2', grade: minor, major: false })).toMatchObject({ verification: '2026-11-29', verificationBy: 'profile' });
  });

  it('verifies a recertification major before the certificate expires', () => {
    expect(findingDeadlines({ lastAuditDay: '2027-11-02', auditType: 'recertification', grade: major, major: true, certificateExpiresOn: '2027-12-14' })).toMatchObject({
      verification: '2027-12-13',
      verificationBy: 'before-expiry',
    });
  });

  it('gives an observation, an improvement or a good practice no deadline; a profile without days gives none either', () => {
    expect(findingDeadlines({ lastAuditDay: '2026-12-10', auditType: 'stage2', grade: { isNonconformity: false }, major: false })).toEqual({ response: null, verification: null, verificationBy: null });
    expect(findingDeadlines({ lastAuditDay: '2026-12-10', auditType: 'surveillance2', grade: { isNonconformity: true }, major: false })).toEqual({ response: null, verification: null, verificationBy: null });
  });

  it('is overdue the day after its deadline, not on it', () => {
    expect(isOverdue('2027-01-09', '2027-01-09')).toBe(false);
    expect(isOverdue('2027-01-09', '2027-01-10')).toBe(true);
    expect(isOverdue(null, '2030-01-01')).toBe(false);
  });
});
