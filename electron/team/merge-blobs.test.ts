import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueMemberCopy, mergeState, openLaptop, type Laptop } from '../../tests/helpers/merge.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { ACTOR_DANA, newEngagementStore } from '../../tests/helpers/store.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { JobContext } from '../jobs/job-context.ts';
import { BlobStore } from '../store/blob-store.ts';
import { packageBlobs } from './package-blobs.ts';
import { memberCopyMeta } from './package-build.ts';
import { importReturnPackage, writeReturnPackage } from './package-transfer.ts';

/** A small pool of file contents, so members attach the same bytes (one blob) as well as their own. */
const CONTENTS = ['CAB minutes 2026-11', 'Change policy v3.2', 'Incident INC0042 timeline', 'Backup restore test log'].map((text, i) =>
  Buffer.from(`${text}\n`.repeat(40 + i * 300)),
);
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface MemberPlan {
  readonly attach: number[];
  /** Remove the file attached n-th (if any) before the packages. */
  readonly remove: number | null;
  /** Packages sent: with files or without, in the order sent. */
  readonly packages: boolean[];
}

const memberArb: fc.Arbitrary<MemberPlan> = fc.record({
  attach: fc.array(fc.nat(CONTENTS.length - 1), { minLength: 1, maxLength: 3 }),
  remove: fc.option(fc.nat(2), { nil: null }),
  packages: fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }),
});

function attach(laptop: Laptop, bytes: Buffer, title: string): string {
  const blobs = new BlobStore(laptop.db);
  const { store } = laptop;
  const evidence = store.createRow('evidence_item', { engagement_id: store.engagementId, title });
  return blobs.finish([blobs.put(bytes, 'text/plain')], ([blob]) =>
    store.createRow('evidence_file', { engagement_id: store.engagementId, evidence_id: evidence, sha256: blob!.sha256, file_name: `${title}.txt`, byte_size: blob!.byteSize }),
  );
}

interface Sent {
  readonly file: string;
  /** The blobs this package carries. */
  readonly carries: string[];
}

async function exportAll(member: Laptop, plan: MemberPlan, dir: string, index: number): Promise<Sent[]> {
  const base = memberCopyMeta(member.db)?.base ?? {};
  const sent: Sent[] = [];
  for (const [k, withFiles] of plan.packages.entries()) {
    const file = path.join(dir, `member-${index}-${k}.iso20k-return`);
    await writeReturnPackage(member.db, new BlobStore(member.db), new JobContext('export', () => undefined), file, {
      base,
      createdBy: { actorId: member.actorId, name: `Member ${index}`, initials: 'MM' },
      includeFiles: withFiles,
      passphrase: null,
    });
    sent.push({ file, carries: withFiles ? packageBlobs(member.db, base).map((blob) => blob.sha256) : [] });
  }
  return sent;
}

async function importInOrder(leadFile: string, dir: string, packages: readonly Sent[], order: readonly number[]): Promise<{ state: string; present: string[]; bytesOk: boolean }> {
  const copy = path.join(dir, `lead-${order.join('')}-${Math.random().toString(36).slice(2)}.iso20k`);
  const source = openLaptop(leadFile, ACTOR_DANA);
  source.db.prepare('VACUUM INTO ?').run(copy);
  source.db.close();
  const lead = openLaptop(copy, ACTOR_DANA);
  const blobs = new BlobStore(lead.db);
  for (const i of order) {
    await importReturnPackage(lead.db, blobs, new JobContext('import', () => undefined), packages[i]!.file, null, { dryRun: false, importedBy: ACTOR_DANA });
    lead.store.afterImport();
  }
  const present = (lead.db.prepare('SELECT sha256 FROM blob WHERE complete = 1 ORDER BY sha256').pluck().all() as string[]);
  const bytesOk = present.every((hash) => sha(Buffer.concat([...blobs.chunks(hash)])) === hash);
  const state = mergeState(lead.db, ['evidence_item', 'evidence_file']);
  lead.db.close();
  return { state, present, bytesOk };
}

describe('merge properties with evidence files', () => {
  it('files arrive with the packages that carry them, in any import order, byte-equal; rows merge the same whether or not the bytes came', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { minLength: 2, maxLength: 3 }), fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }), async (plans, shuffle) => {
        const dir = tempDir();
        const setup = newEngagementStore({ file: path.join(dir, 'lead.iso20k') });
        setup.db.close();
        const leadLaptop = openLaptop(setup.file, ACTOR_DANA);
        const packages: Sent[] = [];
        for (const [index, plan] of plans.entries()) {
          const member = issueMemberCopy(leadLaptop, dir, `Member ${index}`, `0193a5f0-0000-7000-8000-00000000010${index}`);
          const files = plan.attach.map((content, k) => attach(member, CONTENTS[content]!, `m${index}-f${k}`));
          if (plan.remove !== null && files[plan.remove]) member.store.deleteRow('evidence_file', files[plan.remove]!);
          packages.push(...(await exportAll(member, plan, dir, index)));
          member.db.close();
        }
        leadLaptop.db.close();

        const forward = packages.map((_, i) => i);
        const shuffled = [...forward].sort((a, b) => (shuffle[a % shuffle.length]! - shuffle[b % shuffle.length]!) || a - b);
        const a = await importInOrder(setup.file, dir, packages, forward);
        const b = await importInOrder(setup.file, dir, packages, shuffled);
        const expected = [...new Set(packages.flatMap((p) => p.carries))].sort();
        expect(a.present).toEqual(expected);
        expect(b.present).toEqual(expected);
        expect(a.bytesOk && b.bytesOk).toBe(true);
        expect(b.state).toBe(a.state);
        // Only the without-files packages: the same rows, no bytes ("held by" the members).
        const light = packages.map((p, i) => (p.carries.length ? -1 : i)).filter((i) => i >= 0);
        if (light.length) {
          const c = await importInOrder(setup.file, dir, packages, light);
          expect(c.present).toEqual([]);
        }
      }),
      propertyRuns('evidence files in packages', 12),
    );
  }, 120_000);
});
