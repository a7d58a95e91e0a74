// The evidence files screens' decisions: how a file is previewed (never an absurd image, never an
// SVG drawn, big PDFs not read), what a dropped or pasted file becomes, what the policy did as
// messages, where else the same bytes are attached, and the photo fields' parsing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttachedView, EvidenceFileView } from '../../../../shared/contract/evidence-channels.ts';
import type { EvidenceFileRow } from '../../state/evidence-files.ts';
import { attachRequests } from './evidence-attach.tsx';
import {
  alsoAttachedTo,
  asksPermission,
  clipboardImage,
  decodable,
  decodeTextStart,
  fileKindFor,
  joinCapturedAt,
  MAX_PDF_PREVIEW_BYTES,
  newReferenceFor,
  outcomeNotes,
  parseDegrees,
  previewPlan,
  screenshotStamp,
  splitCapturedAt,
} from './evidence-file-facts.ts';

const row = (fields: Partial<EvidenceFileRow> = {}): EvidenceFileRow => ({
  id: 'f1',
  engagement_id: 'g',
  evidence_id: 'e1',
  sha256: 'aa',
  file_name: 'policy.pdf',
  media_type: 'application/pdf',
  byte_size: 1000,
  file_kind: 'file',
  width: null,
  height: null,
  metadata_policy: 'none',
  metadata_removed: '',
  report_sha256: null,
  team_member_id: null,
  captured_at: '',
  capture_latitude: null,
  capture_longitude: null,
  photography_permitted_by: '',
  caption: '',
  created_by: 'a',
  updated_at: '',
  updated_by: 'a',
  deleted: 0,
  ...fields,
});
const view = (fields: Partial<EvidenceFileRow> = {}, present = true, reportPresent = false): EvidenceFileView => ({ row: row(fields), present, reportPresent, heldBy: present ? null : 'Rajesh Iyer' });

describe('previewPlan', () => {
  it('says who holds a file whose bytes are not in this copy, before anything else', () => {
    expect(previewPlan(view({ media_type: 'image/png', width: 10, height: 10 }, false))).toEqual({ kind: 'absent', heldBy: 'Rajesh Iyer' });
  });

  it('shows images from the report copy when there is one, and never one whose declared size is absurd', () => {
    expect(previewPlan(view({ media_type: 'image/jpeg', width: 4032, height: 3024 }, true, true))).toEqual({ kind: 'image', reportCopy: true, fullSize: true });
    expect(previewPlan(view({ media_type: 'image/gif', width: 640, height: 480 }))).toEqual({ kind: 'image', reportCopy: false, fullSize: true });
    expect(previewPlan(view({ media_type: 'image/png', width: 100_000, height: 100_000 }))).toEqual({ kind: 'absurd-image', width: 100_000, height: 100_000 });
    expect(previewPlan(view({ media_type: 'image/png', width: 12_500, height: 12_500 })).kind).toBe('absurd-image');
    expect(previewPlan(view({ media_type: 'image/png', width: null, height: null })).kind).toBe('absurd-image');
    // A 200 MP phone photo: accepted at attach, shown by its report copy, its original never decoded here.
    expect(previewPlan(view({ media_type: 'image/jpeg', width: 16_320, height: 12_240 }, true, true))).toEqual({ kind: 'image', reportCopy: true, fullSize: false });
  });

  it('never draws an SVG, whatever its media type says: its text is shown', () => {
    expect(previewPlan(view({ media_type: 'image/svg+xml', file_name: 'diagram.svg' })).kind).toBe('svg');
    expect(previewPlan(view({ media_type: 'text/plain', file_name: 'diagram.SVG' })).kind).toBe('svg');
  });

  it('previews PDFs up to 100 MB, text by media type or by its usual endings, nothing else', () => {
    expect(previewPlan(view()).kind).toBe('pdf');
    expect(previewPlan(view({ byte_size: MAX_PDF_PREVIEW_BYTES + 1 })).kind).toBe('pdf-too-large');
    expect(previewPlan(view({ media_type: 'text/csv', file_name: 'changes.csv' })).kind).toBe('text');
    expect(previewPlan(view({ media_type: 'application/octet-stream', file_name: 'syslog.LOG' })).kind).toBe('text');
    expect(previewPlan(view({ media_type: 'application/zip', file_name: 'export.zip' })).kind).toBe('none');
  });
});

describe('decodable', () => {
  it('decodes no original with a side over 30,000, over 150 megapixels, or of unknown size; real camera photos are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 1, max: 40_000 }), (width, height) => {
        expect(decodable(width, height)).toBe(!(width > 30_000 || height > 30_000 || width * height > 150_000_000));
      }),
    );
    expect(decodable(8064, 6048)).toBe(true); // a 48-megapixel phone photo
    expect(decodable(null, 100)).toBe(false);
  });
});

describe('what a file becomes', () => {
  it('a pasted image is a screenshot, the camera roll gives photos, a dropped JPEG is a photo, anything else a file', () => {
    expect(fileKindFor('image/png', 'image.png', 'paste')).toBe('screenshot');
    expect(fileKindFor('image/png', 'IMG_1.png', 'photo')).toBe('photo');
    expect(fileKindFor('image/jpeg', 'IMG_2.JPG', 'file')).toBe('photo');
    expect(fileKindFor('', 'IMG_3.heic', 'file')).toBe('photo');
    expect(fileKindFor('image/png', 'screen.png', 'file')).toBe('file');
    expect(fileKindFor('application/pdf', 'policy.pdf', 'file')).toBe('file');
  });

  it('asks who permitted a photo only for the formats the policy handles (HEIC is refused anyway)', () => {
    expect(asksPermission('photo', 'image/jpeg', 'a.jpg')).toBe(true);
    expect(asksPermission('photo', '', 'b.PNG')).toBe(true);
    expect(asksPermission('photo', 'image/heic', 'c.heic')).toBe(false);
    expect(asksPermission('screenshot', 'image/png', 'd.png')).toBe(false);
  });

  it('a dropped file makes a reference titled by its name without the extension', () => {
    expect(newReferenceFor('Change management policy v3.2.pdf', 'file')).toEqual({ title: 'Change management policy v3.2', kind: 'document' });
    expect(newReferenceFor('IMG_0042.JPG', 'photo')).toEqual({ title: 'IMG_0042', kind: 'photo' });
    expect(newReferenceFor('.bashrc', 'file').title).toBe('.bashrc');
  });

  it('a pasted screenshot is named by its local time, to the second in the file name', () => {
    expect(screenshotStamp(new Date(2026, 11, 7, 9, 5, 3))).toEqual({ title: '2026-12-07 09:05', file: '2026-12-07 09.05.03' });
  });

  it('builds one request per file: to the chosen reference, or each to a new one; a paste to a new screenshot reference', () => {
    const names = { screenshot: (when: string) => `Screenshot ${when}`, screenshotTitle: (when: string) => `Screenshot ${when}` };
    const pdf = new File(['%PDF'], 'Policy.pdf', { type: 'application/pdf' });
    const [toReference] = attachRequests([pdf], 'file', { kind: 'reference', id: 'e9', title: 'Change policy' }, names);
    expect(toReference).toMatchObject({ evidenceId: 'e9', newEvidence: null, fileKind: 'file', fileName: 'Policy.pdf', targetTitle: 'Change policy' });
    const [asNew] = attachRequests([pdf], 'file', { kind: 'new' }, names);
    expect(asNew).toMatchObject({ evidenceId: null, newEvidence: { title: 'Policy', kind: 'document' }, targetTitle: 'Policy' });
    const png = new File([new Uint8Array(4)], 'image.png', { type: 'image/png' });
    const [pasted] = attachRequests([png], 'paste', { kind: 'new' }, names, new Date(2026, 11, 7, 14, 32, 5));
    expect(pasted).toMatchObject({ fileName: 'Screenshot 2026-12-07 14.32.05.png', fileKind: 'screenshot', newEvidence: { title: 'Screenshot 2026-12-07 14:32', kind: 'screenshot' } });
  });

  it('finds the image a paste carries, and none in a text paste', () => {
    const png = new File([new Uint8Array(4)], 'image.png', { type: 'image/png' });
    expect(clipboardImage({ files: [png], items: [] } as unknown as DataTransfer)).toBe(png);
    expect(clipboardImage({ files: [], items: [{ kind: 'file', type: 'image/png', getAsFile: () => png }] } as unknown as DataTransfer)).toBe(png);
    expect(clipboardImage({ files: [], items: [{ kind: 'string', type: 'text/plain', getAsFile: () => null }] } as unknown as DataTransfer)).toBeNull();
    expect(clipboardImage(null)).toBeNull();
  });
});

describe('outcomeNotes', () => {
  const attached = (fields: Partial<EvidenceFileRow>, extra: Partial<AttachedView> = {}): AttachedView =>
    ({ file: view(fields), evidence: { id: 'e1', title: 'Ref' }, deduplicated: false, nameChanged: false, removed: [], warnings: [], ...extra }) as AttachedView;

  it('says the stored name when it was cleaned, and a duplicate kept once', () => {
    expect(outcomeNotes(attached({ file_name: 'passwd' }, { nameChanged: true, deduplicated: true }))).toEqual([{ key: 'storedAs', name: 'passwd' }, { key: 'deduplicated' }]);
    expect(outcomeNotes(attached({}))).toEqual([]);
  });

  it('says what each photo policy did, and what could not be read', () => {
    const photo = { file_kind: 'photo' } as const;
    expect(outcomeNotes(attached({ ...photo, metadata_policy: 'strip-metadata' }, { removed: ['exif', 'gps'] }))).toEqual([{ key: 'stripped', removed: ['exif', 'gps'] }]);
    expect(outcomeNotes(attached({ ...photo, metadata_policy: 'strip-metadata' }))).toEqual([{ key: 'strippedNothing' }]);
    expect(outcomeNotes(attached({ ...photo, metadata_policy: 'keep-capture-time', captured_at: '2026-12-07T10:00:00' }, { removed: ['gps'] }))).toEqual([{ key: 'keptTime', removed: ['gps'] }]);
    expect(outcomeNotes(attached({ ...photo, metadata_policy: 'keep-capture-time' }, { warnings: ['exif-unreadable'] }))).toEqual([{ key: 'keptTimeMissing' }, { key: 'warning', code: 'exif-unreadable' }]);
    expect(outcomeNotes(attached({ ...photo, metadata_policy: 'keep-capture-time-and-location', capture_latitude: 31.2, capture_longitude: 121.5 }))).toEqual([{ key: 'keptAll' }]);
    expect(outcomeNotes(attached({ ...photo, metadata_policy: 'keep-capture-time-and-location' }))).toEqual([{ key: 'keptAllNoLocation' }]);
  });

  it('says nothing of the policy for a screenshot in which it found nothing, but says what it removed from one', () => {
    expect(outcomeNotes(attached({ file_kind: 'screenshot', metadata_policy: 'keep-capture-time-and-location' }))).toEqual([]);
    expect(outcomeNotes(attached({ file_kind: 'screenshot', metadata_policy: 'strip-metadata' }, { removed: ['png-text'] }))).toEqual([{ key: 'stripped', removed: ['png-text'] }]);
  });
});

describe('alsoAttachedTo', () => {
  it('lists other live references holding the same bytes, each once, never the file’s own', () => {
    const files = [view({ id: 'f1', evidence_id: 'e1' }), view({ id: 'f2', evidence_id: 'e2' }), view({ id: 'f3', evidence_id: 'e3', sha256: 'bb' }), view({ id: 'f4', evidence_id: 'e4' }), view({ id: 'f5', evidence_id: 'e2' })];
    const live = new Map([
      ['e1', 'One'],
      ['e2', 'Two'],
      ['e3', 'Three'],
    ]);
    expect(alsoAttachedTo(files[0]!.row, files, live)).toEqual([{ id: 'e2', title: 'Two' }]);
  });
});

describe('photo fields', () => {
  it('keeps the offset the photo stated when the time is edited, and reads back what it wrote', () => {
    expect(splitCapturedAt('2026-12-07T10:15:30+08:00')).toEqual({ local: '2026-12-07T10:15:30', offset: '+08:00' });
    expect(splitCapturedAt('')).toEqual({ local: '', offset: '' });
    expect(joinCapturedAt('2026-12-07T11:00', '+08:00')).toBe('2026-12-07T11:00:00+08:00');
    expect(joinCapturedAt('', '+08:00')).toBe('');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.constantFrom('', '+08:00', '-05:30'), (date, offset) => {
        const local = date.toISOString().slice(0, 19);
        expect(splitCapturedAt(joinCapturedAt(local, offset))).toEqual({ local, offset });
      }),
    );
  });

  it('accepts degrees in range (a decimal comma too), empty as none, and nothing else', () => {
    expect(parseDegrees('31.2304', 'latitude')).toBe(31.2304);
    expect(parseDegrees('-0,5', 'longitude')).toBe(-0.5);
    expect(parseDegrees(' ', 'latitude')).toBeNull();
    expect(parseDegrees('91', 'latitude')).toBeUndefined();
    expect(parseDegrees('181', 'longitude')).toBeUndefined();
    expect(parseDegrees('31°N', 'latitude')).toBeUndefined();
  });
});

describe('decodeTextStart', () => {
  it('drops a character cut at the end of the piece instead of showing �, and keeps a complete file whole', () => {
    const bytes = new TextEncoder().encode('审核证据');
    expect(decodeTextStart(bytes.subarray(0, 7), false)).toBe('审核');
    expect(decodeTextStart(bytes, true)).toBe('审核证据');
  });
});
