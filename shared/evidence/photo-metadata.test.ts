import { describe, expect, it } from 'vitest';
import { captureTime, gpsDegrees, isExifDateTime, isExifOffset, sortRemoved, sortWarnings } from './photo-metadata.ts';

describe('captureTime', () => {
  it('turns EXIF dates into ISO local times, with the offset when the photo says it', () => {
    expect(captureTime('2026:03:14 09:26:53', '+08:00')).toEqual({ capturedAt: '2026-03-14T09:26:53+08:00', invalid: false });
    expect(captureTime('2026:03:14 09:26:53', null)).toEqual({ capturedAt: '2026-03-14T09:26:53', invalid: false });
    expect(captureTime('2026:03:14 09:26:53', '+8')).toEqual({ capturedAt: '2026-03-14T09:26:53', invalid: false });
    expect(captureTime(null, '+08:00')).toEqual({ capturedAt: null, invalid: false });
    expect(captureTime('   ', null)).toEqual({ capturedAt: null, invalid: false });
  });

  it('calls values that are not dates invalid', () => {
    for (const bad of ['0000:00:00 00:00:00', '2026:02:29 10:00:00', '2026:13:01 10:00:00', '2026:03:14 24:00:00', '2026-03-14 09:26:53', '2026:03:14']) {
      expect(captureTime(bad, null)).toEqual({ capturedAt: null, invalid: true });
    }
    expect(isExifDateTime('2024:02:29 10:00:00')).toBe(true);
    expect(isExifOffset('-05:30')).toBe(true);
    expect(isExifOffset('+15:00')).toBe(false);
  });
});

describe('gpsDegrees', () => {
  it('converts degrees, minutes and seconds with their reference', () => {
    expect(gpsDegrees([31, 13, 45.12], 'N', 'latitude')).toBeCloseTo(31.2292, 7);
    expect(gpsDegrees([33, 52, 0], 'S', 'latitude')).toBeCloseTo(-33.8666667, 6);
    expect(gpsDegrees([70, 30, 0], 'W', 'longitude')).toBe(-70.5);
    expect(gpsDegrees([0, 0, 0], 'S', 'latitude')).toBe(0);
    expect(Object.is(gpsDegrees([0, 0, 0], 'S', 'latitude'), -0)).toBe(false);
  });

  it('refuses incomplete or impossible positions', () => {
    expect(gpsDegrees([95, 0, 0], 'N', 'latitude')).toBeNull();
    expect(gpsDegrees([181, 0, 0], 'E', 'longitude')).toBeNull();
    expect(gpsDegrees([10, 60, 0], 'N', 'latitude')).toBeNull();
    expect(gpsDegrees([10, 0], 'N', 'latitude')).toBeNull();
    expect(gpsDegrees([10, Number.NaN, 0], 'N', 'latitude')).toBeNull();
    expect(gpsDegrees([10, 0, 0], 'E', 'latitude')).toBeNull();
    expect(gpsDegrees([10, 0, 0], '', 'longitude')).toBeNull();
  });
});

describe('stable orders', () => {
  it('lists removed and warning codes once, in their fixed order', () => {
    expect(sortRemoved(['comment', 'gps', 'exif', 'gps'])).toEqual(['exif', 'gps', 'comment']);
    expect(sortWarnings(['location-invalid', 'exif-unreadable'])).toEqual(['exif-unreadable', 'location-invalid']);
  });
});
