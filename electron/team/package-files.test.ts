import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store-errors.ts';
import { sampleEngagement } from '../../tests/helpers/engagements.ts';
import { recordingVisitor } from '../../tests/helpers/package-v2.ts';
import { phoneJpeg } from '../../tests/helpers/photos.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { encodePackage } from './package-file.ts';
import type { ReturnPackage } from './package-schema.ts';
import { readPackageV2 } from './package-v2/index.ts';
import { TeamService } from './index.ts';

const CHUNK = 1024 * 1024;
const services: EngagementService[] = [];
afterAll(async () => {
  for (const service of services) await service.shutdown();
});

async function attachFile(service: EngagementService, handle: string, name: string, bytes: Buffer): Promise<string> {
  const evidence = await service.createRow(handle, 'evidence_item', { title: `Evidence ${name}`, kind: 'photo' });
  const { uploadId } = await service.call(handle, 'beginUpload', name, bytes.length, '');
  for (let seq = 0, offset = 0; offset < bytes.length; seq++, offset += CHUNK) {
    await service.call(handle, 'uploadChunk', uploadId, seq, bytes.subarray(offset, offset + CHUNK).toString('base64'));
  }
  // As the router does: the file is attached by the typing member (in a member copy, its member).
  const { memberId } = await service.call(handle, 'typingMember');
  const attached = await service.change(handle, 'commitUpload', { uploadId, evidenceId: String(evidence.id), newEvidence: null, fileKind: 'photo', photographyPermittedBy: 'Li Wei', caption: '', memberId });
  return attached.file.row.id;
}

/** The lead's engagement, a member copy for Lee, and Lee's copy open with a photo and a log attached. */
async function leadAndMember() {
  const dir = tempDir();
  const service = await startTestService();
  services.push(service);
  const team = new TeamService(service);
  const lead = await service.create(path.join(dir, 'lead.iso20k'), sampleEngagement());
  const lee = await service.createRow(lead.handle, 'team_member', { name: 'Lee Chan', initials: 'LC', role: 'auditor' });
  const copyFile = path.join(dir, 'lee.iso20k');
  await team.makeMemberCopy(lead.handle, String(lee.id), copyFile).result;
  const copy = await service.openFile(copyFile);
  const photo = await phoneJpeg({ width: 1200, height: 900 });
  const log = Buffer.from('INC0042 restored within SLA\n'.repeat(150_000)); // 4.2 MB, several chunks
  const photoId = await attachFile(service, copy.handle, 'IMG_2001.JPG', photo);
  const logId = await attachFile(service, copy.handle, 'incidents.log', log);
  return { dir, service, team, lead, copy, copyFile, photoId, logId, log };
}

const codeOf = (error: unknown): unknown => (isStoreError(error) ? error.code : error);

describe('evidence files in return packages (version 2)', () => {
  it('a package without files brings the references: the lead sees the files as held by the member; a later package with files brings them', async () => {
    const { dir, service, team, lead, copy, logId, log } = await leadAndMember();
    const overview = await team.teamOverview(copy.handle);
    expect(overview.packageFiles.count).toBe(2); // the photo (with its report copy) and the log
    const light = path.join(dir, 'lee-1.iso20k-return');
    await team.exportPackage(copy.handle, light, null, false).result;

    const preview = await team.previewImport(lead.handle, light, null).result;
    expect(preview.files).toMatchObject({ inPackage: 0, heldBack: 2, heldBy: ['Lee Chan'] });
    await team.importFrom(lead.handle, light, null).result;
    const held = await service.call(lead.handle, 'evidenceFiles');
    expect(held.files.map((file) => [file.row.file_name, file.present, file.heldBy]).sort()).toEqual([
      ['IMG_2001.JPG', false, 'Lee Chan'],
      ['incidents.log', false, 'Lee Chan'],
    ]);
    await expect(service.call(lead.handle, 'readEvidenceFile', logId, 'original', 0, 100)).rejects.toMatchObject({ code: 'EVIDENCE_FILE_NOT_HERE', params: { heldBy: 'Lee Chan' } });

    const full = path.join(dir, 'lee-2.iso20k-return');
    await team.exportPackage(copy.handle, full, 'a long passphrase', true).result;
    const second = await team.previewImport(lead.handle, full, 'a long passphrase').result;
    expect(second.files).toMatchObject({ inPackage: 3, newHere: 3, heldBack: 0 });
    expect((await service.call(lead.handle, 'evidenceFiles')).files.every((file) => !file.present)).toBe(true); // the preview stored nothing
    await team.importFrom(lead.handle, full, 'a long passphrase').result;
    const arrived = await service.call(lead.handle, 'evidenceFiles');
    expect(arrived.files.every((file) => file.present && file.reportPresent === (file.row.report_sha256 !== null))).toBe(true);
    const pieces: Buffer[] = [];
    for (let offset = 0; offset < log.length; offset += CHUNK) {
      pieces.push(Buffer.from((await service.call(lead.handle, 'readEvidenceFile', logId, 'original', offset, CHUNK)).data, 'base64'));
    }
    expect(Buffer.concat(pieces).equals(log)).toBe(true);
    // Importing it again changes nothing.
    const again = await team.importFrom(lead.handle, full, 'a long passphrase').result;
    expect(again).toMatchObject({ entriesAdded: 0, files: { newHere: 0 } });
  });

  it('refuses a package cut off inside a blob section, or with a file whose bytes were changed: nothing half-written', async () => {
    const { dir, service, team, lead, copy } = await leadAndMember();
    const full = path.join(dir, 'lee.iso20k-return');
    await team.exportPackage(copy.handle, full, null, true).result;
    const bytes = fs.readFileSync(full);
    const cut = path.join(dir, 'cut.iso20k-return');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const cutError = await team.importFrom(lead.handle, cut, null).result.catch((error: unknown) => error);
    expect(cutError).toMatchObject({ code: 'MERGE_DAMAGED', params: { reason: 'cut-off' } });
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.7)]! ^= 0xff;
    const flippedFile = path.join(dir, 'flipped.iso20k-return');
    fs.writeFileSync(flippedFile, flipped);
    expect(codeOf(await team.importFrom(lead.handle, flippedFile, null).result.catch((error: unknown) => error))).toBe('MERGE_DAMAGED');
    const files = await service.call(lead.handle, 'evidenceFiles');
    expect(files.files).toHaveLength(0);
    expect((await team.teamOverview(lead.handle)).imports).toHaveLength(0);
    // What the failed imports streamed in is gone (incomplete uploads discarded).
    await service.close(lead.handle);
    const reopened = await service.openFile(lead.summary.path);
    const { files: after } = await service.call(reopened.handle, 'evidenceFiles');
    expect(after).toHaveLength(0);
  });

  it('still imports a version 1 package (the same entries, no files), and a member’s whole copy with its files', async () => {
    const { dir, service, team, lead, copy, copyFile } = await leadAndMember();
    const full = path.join(dir, 'lee.iso20k-return');
    await team.exportPackage(copy.handle, full, null, false).result;
    const { visitor, recorded } = recordingVisitor();
    await readPackageV2(full, null, visitor);
    const { sections: _sections, ...fields } = recorded.header!;
    const v1: ReturnPackage = { ...fields, formatVersion: 1, entries: recorded.entries! };
    const v1File = path.join(dir, 'lee-v1.iso20k-return');
    fs.writeFileSync(v1File, encodePackage(v1));
    const imported = await team.importFrom(lead.handle, v1File, null).result;
    expect(imported.entriesAdded).toBeGreaterThan(0);
    expect(imported.files).toMatchObject({ inPackage: 0, heldBack: 2 });
    await service.close(copy.handle);
    const whole = await team.importFrom(lead.handle, copyFile, null).result;
    expect(whole.kind).toBe('member_copy');
    const { files } = await service.call(lead.handle, 'evidenceFiles');
    expect(files.map((file) => file.present)).toEqual([true, true]);
  });
});
