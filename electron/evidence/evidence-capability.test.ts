import fs from 'node:fs';
import ExifReader from 'exifreader';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PhotoPolicy } from '../../shared/cb-profile/profile.ts';
import { EVIDENCE_LIMITS } from '../../shared/evidence/file-format.ts';
import { isStoreError } from '../../shared/store-errors.ts';
import { craftedPngHeader, GPS, phoneJpeg, screenshotPng } from '../../tests/helpers/photos.ts';
import { newEngagementStore } from '../../tests/helpers/store.ts';
import { EngagementSession } from '../store/engagement-session.ts';
import { evidenceCapability } from './evidence-capability.ts';

const CHUNK = 1024 * 1024;

async function openEngagement(policy: PhotoPolicy | null = null) {
  const setup = newEngagementStore();
  const { store } = setup;
  if (policy) {
    store.addImmutable('cb_profile', 'profile-1', {
      profile_id: 'cb.test',
      version: '1.0.0',
      sha256: 'd'.repeat(64),
      title: 'Test CB',
      content: JSON.stringify({ photoPolicy: policy }),
      added_at: '2026-12-01T09:00:00.000Z',
      added_by: store.context.actorId,
    });
    store.updateRow('engagement', store.engagementId, { cb_profile_id: 'profile-1' });
  }
  const evidenceId = store.createRow('evidence_item', { engagement_id: store.engagementId, title: 'Server room' });
  setup.db.close();
  const session = new EngagementSession('unused-vacuum-worker.cjs');
  session.open({ path: setup.file, actorId: store.context.actorId });
  return { session, file: setup.file, evidenceId, calls: evidenceCapability.calls(session) };
}

type Opened = Awaited<ReturnType<typeof openEngagement>>;

async function send(calls: Opened['calls'], name: string, bytes: Buffer, declared = bytes.length): Promise<string> {
  const { uploadId } = calls.beginUpload(name, declared, '');
  for (let seq = 0, offset = 0; offset < bytes.length; seq++, offset += CHUNK) {
    await calls.uploadChunk(uploadId, seq, bytes.subarray(offset, offset + CHUNK).toString('base64'));
  }
  return uploadId;
}

async function attach(opened: Opened, name: string, bytes: Buffer, fileKind: 'file' | 'photo' | 'screenshot' = 'file') {
  const uploadId = await send(opened.calls, name, bytes);
  return opened.calls.commitUpload({ uploadId, evidenceId: opened.evidenceId, newEvidence: null, fileKind, photographyPermittedBy: 'Li Wei, IT manager', caption: '', memberId: null });
}

async function codeOf(work: () => unknown): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (error) {
    return isStoreError(error) ? error.code : `not a store error: ${String(error)}`;
  }
}

function readBack(opened: Opened, fileId: string, copy: 'original' | 'report' = 'original'): Buffer {
  const pieces: Buffer[] = [];
  for (let offset = 0; ; ) {
    const { data, total } = opened.calls.readEvidenceFile(fileId, copy, offset, CHUNK);
    pieces.push(Buffer.from(data, 'base64'));
    offset += Buffer.from(data, 'base64').length;
    if (offset >= total) return Buffer.concat(pieces);
  }
}

const blobCounts = (opened: Opened) => opened.session.db().prepare('SELECT COUNT(*) AS blobs, SUM(complete = 0) AS incomplete FROM blob').get() as { blobs: number; incomplete: number | null };

describe('evidence files', () => {
  it('attaches a log file streamed in chunks: byte-equal when read back, one row with its change-log entries', async () => {
    const opened = await openEngagement();
    const log = Buffer.from(Array.from({ length: 60_000 }, (_, i) => `2026-11-${String((i % 28) + 1).padStart(2, '0')} INC${i} resolved\n`).join(''));
    const attached = await attach(opened, 'service-desk.log', log);
    expect(attached.file.row).toMatchObject({ file_name: 'service-desk.log', media_type: 'text/plain', byte_size: log.length, metadata_policy: 'none', file_kind: 'file' });
    expect(attached.file.present).toBe(true);
    expect(readBack(opened, attached.file.row.id).equals(log)).toBe(true);
    const logged = opened.session.db().prepare("SELECT COUNT(*) FROM change_log WHERE entity = 'evidence_file'").pluck().get() as number;
    expect(logged).toBeGreaterThan(5);
    expect(opened.calls.evidenceFiles().files).toHaveLength(1);
    opened.session.close();
  });

  it('stores the same file attached to two references once, and cleans a name with folders, NUL and 300 characters', async () => {
    const opened = await openEngagement();
    const bytes = Buffer.from('%PDF-1.4\n% change policy v3.2\n%%EOF\n');
    await attach(opened, 'policy.pdf', bytes);
    const other = opened.session.store().createRow('evidence_item', { engagement_id: opened.session.store().engagementId, title: 'Change policy' });
    const uploadId = await send(opened.calls, `../../etc/${'x'.repeat(300)}\u0000.pdf`, bytes);
    const second = await opened.calls.commitUpload({ uploadId, evidenceId: other, newEvidence: null, fileKind: 'file', photographyPermittedBy: '', caption: '', memberId: null });
    expect(second.deduplicated).toBe(true);
    expect(second.nameChanged).toBe(true);
    expect([...second.file.row.file_name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 32)).toBe(false);
    expect(second.file.row.file_name.length).toBeLessThanOrEqual(180);
    expect(second.file.row.file_name.endsWith('.pdf')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blobCounts(opened)).toEqual({ blobs: 1, incomplete: 0 });
    opened.session.close();
  });

  it('strips a phone photo under the strip policy: no GPS or camera data left anywhere in the engagement file, orientation kept, report copy ≤ 1,600 px', async () => {
    const opened = await openEngagement('strip-metadata');
    const photo = await phoneJpeg({ width: 2400, height: 1800, orientation: 6, xmp: true });
    const attached = await attach(opened, 'IMG_0412.JPG', photo, 'photo');
    expect(attached.removed).toEqual(expect.arrayContaining(['gps', 'exif', 'xmp']));
    expect(attached.file.row).toMatchObject({ metadata_policy: 'strip-metadata', captured_at: '', capture_latitude: null, photography_permitted_by: 'Li Wei, IT manager', width: 2400, height: 1800 });
    const stored = readBack(opened, attached.file.row.id);
    const tags = ExifReader.load(stored);
    expect(tags.GPSLatitude).toBeUndefined();
    expect(tags.Make).toBeUndefined();
    expect(tags.Orientation?.value).toBe(6);
    expect((await sharp(stored).metadata()).width).toBe(2400);
    const report = await sharp(readBack(opened, attached.file.row.id, 'report')).metadata();
    expect(Math.max(report.width!, report.height!)).toBe(1600);
    expect(report.width).toBe(1200); // turned upright
    opened.session.close();
    // The original's chunks were written, then deleted with secure_delete: no trace in the file.
    expect(fs.readFileSync(opened.file).includes(Buffer.from('TestPhone'))).toBe(false);
    expect(fs.readFileSync(opened.file).includes(photo.subarray(2, 200))).toBe(false);
  });

  it('keeps capture time and place as fields under the proof-of-presence policy, and the time alone under keep-capture-time', async () => {
    const keepAll = await openEngagement('keep-capture-time-and-location');
    const photo = await phoneJpeg();
    const kept = await attach(keepAll, 'IMG_0413.JPG', photo, 'photo');
    expect(kept.file.row.captured_at).toBe('2026-03-14T09:26:53+08:00');
    expect(kept.file.row.capture_latitude).toBeCloseTo(GPS.latitude, 3);
    expect(kept.file.row.capture_longitude).toBeCloseTo(GPS.longitude, 3);
    expect(readBack(keepAll, kept.file.row.id).equals(photo)).toBe(true);
    keepAll.session.close();

    const keepTime = await openEngagement('keep-capture-time');
    const timed = await attach(keepTime, 'IMG_0414.JPG', photo, 'photo');
    expect(timed.file.row).toMatchObject({ captured_at: '2026-03-14T09:26:53+08:00', capture_latitude: null });
    expect(ExifReader.load(readBack(keepTime, timed.file.row.id)).GPSLatitude).toBeUndefined();
    keepTime.session.close();
  });

  it('attaches a pasted screenshot (PNG) with its report copy', async () => {
    const opened = await openEngagement();
    const attached = await attach(opened, 'Screenshot.png', await screenshotPng(2000, 1000), 'screenshot');
    expect(attached.file.row).toMatchObject({ file_kind: 'screenshot', media_type: 'image/png', width: 2000, height: 1000 });
    expect(attached.file.reportPresent).toBe(true);
    expect((await sharp(readBack(opened, attached.file.row.id, 'report')).metadata()).width).toBe(1600);
    opened.session.close();
  });

  it('refuses bad input with a clear code and leaves nothing half-written', async () => {
    const opened = await openEngagement();
    const { calls } = opened;
    expect(await codeOf(() => calls.beginUpload('empty.txt', 0, 'text/plain'))).toBe('EVIDENCE_FILE_EMPTY');
    expect(await codeOf(() => calls.beginUpload('huge.log', EVIDENCE_LIMITS.maxFileBytes + 1, 'text/plain'))).toBe('EVIDENCE_FILE_TOO_LARGE');
    // HEIC is refused at its first chunk, before the rest is sent.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(3 * CHUNK)]);
    const heicUpload = calls.beginUpload('IMG_0001.HEIC', heic.length, 'image/heic');
    expect(await codeOf(() => calls.uploadChunk(heicUpload.uploadId, 0, heic.subarray(0, CHUNK).toString('base64')))).toBe('EVIDENCE_FORMAT_REFUSED');
    expect(await codeOf(() => calls.uploadChunk(heicUpload.uploadId, 1, heic.subarray(CHUNK, 2 * CHUNK).toString('base64')))).toBe('EVIDENCE_UPLOAD_GONE');
    // A file cut off during the upload: fewer bytes than declared.
    const cut = await send(calls, 'export.csv', Buffer.alloc(CHUNK + 10, 65), 3 * CHUNK);
    expect(await codeOf(() => calls.commitUpload({ uploadId: cut, evidenceId: opened.evidenceId, newEvidence: null, fileKind: 'file', photographyPermittedBy: '', caption: '', memberId: null }))).toBe('EVIDENCE_UPLOAD_INCOMPLETE');
    // A chunk out of order.
    const gap = calls.beginUpload('export.csv', 3 * CHUNK, 'text/csv');
    await calls.uploadChunk(gap.uploadId, 0, Buffer.alloc(CHUNK, 66).toString('base64'));
    expect(await codeOf(() => calls.uploadChunk(gap.uploadId, 2, Buffer.alloc(CHUNK, 66).toString('base64')))).toBe('EVIDENCE_UPLOAD_INCOMPLETE');
    // Aborted halfway.
    const halfway = await send(calls, 'export.csv', Buffer.alloc(CHUNK, 67), 2 * CHUNK);
    await calls.abortUpload(halfway);
    // A PNG declaring 100,000 × 100,000 pixels is refused from its header.
    expect(await codeOf(() => attach(opened, 'huge.png', craftedPngHeader(100_000, 100_000), 'screenshot'))).toBe('EVIDENCE_IMAGE_TOO_LARGE');
    // A JPEG that is not one.
    expect(await codeOf(() => attach(opened, 'broken.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]), 'photo'))).toBe('EVIDENCE_IMAGE_DAMAGED');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(opened.calls.evidenceFiles().files).toHaveLength(0);
    expect(blobCounts(opened).blobs).toBe(0);
    expect(opened.session.store().verifyChain()).toMatchObject({ ok: true });
    opened.session.close();
  });

  it('keeps an SVG with a script as a file: stored byte-equal, no report copy (the screen shows it as text only)', async () => {
    const opened = await openEngagement();
    const attached = await attach(opened, 'diagram.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(attached.file.row.media_type).toBe('image/svg+xml');
    expect(readBack(opened, attached.file.row.id).toString()).toContain('<script>');
    expect(attached.file.row.report_sha256).toBeNull();
    opened.session.close();
  });

  it('removing a file keeps its reference and its history; the bytes go at the next open', async () => {
    const opened = await openEngagement();
    const attached = await attach(opened, 'notes.txt', Buffer.from('Walkthrough of the CAB minutes'));
    opened.session.store().deleteRow('evidence_file', attached.file.row.id);
    expect(opened.session.store().getRow('evidence_item', opened.evidenceId).deleted).toBe(0);
    expect(opened.calls.evidenceFiles().files).toHaveLength(0);
    const actorId = opened.session.store().context.actorId;
    opened.session.close();
    const again = new EngagementSession('unused-vacuum-worker.cjs');
    again.open({ path: opened.file, actorId });
    expect(again.db().prepare('SELECT COUNT(*) FROM blob').pluck().get()).toBe(0);
    expect(again.db().prepare("SELECT COUNT(*) FROM change_log WHERE entity = 'evidence_file' AND row_id = ?").pluck().get(attached.file.row.id)).toBeGreaterThan(0);
    again.close();
  });
});
