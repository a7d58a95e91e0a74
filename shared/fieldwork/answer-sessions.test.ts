import { describe, expect, it } from 'vitest';
import { planSession } from '../../tests/helpers/fieldwork-pack.ts';
import { instantOf } from '../plan/local-time.ts';
import { dayIn, defaultSession, sessionRunning } from './answer-sessions.ts';

const ZONE = 'Europe/London';
const at = (day: string, time: string, zone = ZONE) => instantOf(day, time, zone)!;
const morning = planSession('change-am', '2026-12-08', '09:00', '12:30', 'dc');
const afternoon = planSession('trail-pm', '2026-12-08', '13:15', '17:00', 'leeds');
const nextDay = planSession('change-d3', '2026-12-09', '09:00', '12:30', 'dc');

describe('the session an answer is given in', () => {
  it('is the covering session running now', () => {
    expect(defaultSession([morning, afternoon, nextDay], at('2026-12-08', '10:00'), ZONE)).toBe('change-am');
    expect(defaultSession([morning, afternoon, nextDay], at('2026-12-08', '13:15'), ZONE)).toBe('trail-pm');
  });

  it('else the first covering session of today (a break, the evening), else none', () => {
    expect(defaultSession([morning, afternoon], at('2026-12-08', '12:45'), ZONE)).toBe('change-am');
    expect(defaultSession([afternoon, nextDay], at('2026-12-08', '08:00'), ZONE)).toBe('trail-pm');
    expect(defaultSession([morning, afternoon], at('2026-12-10', '10:00'), ZONE)).toBeNull();
    expect(defaultSession([], at('2026-12-08', '10:00'), ZONE)).toBeNull();
  });

  it('reads now in the engagement’s time zone, not the computer’s', () => {
    // 23:30 in London on the 7th is already the 8th in Shanghai.
    const late = at('2026-12-07', '23:30');
    expect(dayIn(late, ZONE)).toBe('2026-12-07');
    expect(dayIn(late, 'Asia/Shanghai')).toBe('2026-12-08');
    const shanghai = planSession('sh', '2026-12-08', '07:00', '08:00');
    expect(sessionRunning(shanghai, late, 'Asia/Shanghai')).toBe(true);
    expect(defaultSession([shanghai], late, ZONE)).toBeNull();
    // The end is outside the session.
    expect(sessionRunning(morning, at('2026-12-08', '12:30'), ZONE)).toBe(false);
  });
});
