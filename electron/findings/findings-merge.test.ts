import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newRowId } from '../../shared/ids.ts';
import { listConflicts } from '../store/merge/decisions.ts';
import { newMemberCopyMeta, stampMemberCopy } from '../team/member-copy.ts';
import { replicaHeads } from '../team/package-build.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { importInto, openLaptop, returnPackage, type Laptop } from '../../tests/helpers/merge.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { findingsView } from './findings-view.ts';
import { numberFindings } from './number-findings.ts';
import { raiseFinding } from './raise-finding.ts';

const ACTOR_RAJ = '0190a6a4-0000-7000-8000-0000000000aa';
const DAY2 = Date.parse('2026-12-08T10:30:00Z');

/** The lead's "Make member copy", in-process: the copy is stamped with the team member it is issued to. */
function issueCopy(lead: Laptop, dir: string, memberId: string, memberName: string, actorId: string): Laptop {
  const file = path.join(dir, `${memberName.replace(/\W+/g, '-')}-${newRowId().slice(-6)}.iso20k`);
  lead.db.prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file);
  const meta = newMemberCopyMeta({ memberCopyId: newRowId(), memberId, memberName, issuedAt: new Date(DAY2).toISOString(), issuedBy: lead.actorId, base: replicaHeads(lead.db) });
  stampMemberCopy(copy, meta, newRowId());
  copy.close();
  return openLaptop(file, actorId);
}

/** The lead's file with a team of three, numbered by the shipped default scale (a sequence per grade). */
function leadWithTeam() {
  const dir = tempDir();
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  const { store } = made;
  const member = (name: string, initials: string, role: string) => store.createRow('team_member', { engagement_id: store.engagementId, name, initials, role, actor_id: null });
  const ids = { dana: member('Dana Lead', 'DL', 'lead'), lee: member('Lee Auditor', 'LA', 'auditor'), raj: member('Raj Auditor', 'RA', 'auditor') };
  made.db.close();
  return { dir, lead: openLaptop(made.file, ACTOR_DANA), ids };
}

/** A finding raised in a copy, with its three parts and clause written as the auditor would. */
function raise(laptop: Laptop, memberId: string, grade: string, clause: string, evidence: string): string {
  const { findingId } = raiseFinding(laptop.store, memberId, { source: { kind: 'none' }, grade }, DAY2);
  laptop.store.updateRow('finding', findingId, { evidence, not_fulfilled: `Clause ${clause} not fulfilled as evidenced.` });
  laptop.store.createRow('finding_clause', { engagement_id: laptop.store.engagementId, finding_id: findingId, clause });
  return findingId;
}

const numbersOf = (laptop: Laptop): Record<string, string> =>
  Object.fromEntries(findingsView(laptop.db, null).findings.map((finding) => [finding.evidence, finding.finalNumber]));

describe('two auditors raise findings in their copies; the lead merges and numbers them', () => {
  it('provisional ids never collide, numbering follows the documented order, and a late package continues the numbers without changing any', () => {
    const { dir, lead, ids } = leadWithTeam();
    const lee = issueCopy(lead, dir, ids.lee, 'Lee Auditor', ACTOR_LEE);
    const raj = issueCopy(lead, dir, ids.raj, 'Raj Auditor', ACTOR_RAJ);

    // Each auditor's first finding is P1 in their own copy.
    raise(lee, ids.lee, 'minor', '8.5.1.3', 'Lee: CHG-4471 emergency change without CAB review');
    raise(lee, ids.lee, 'observation', '8.4.3', 'Lee: capacity plan v2025.2 not updated since March 2025');
    raise(raj, ids.raj, 'minor', '8.3.3', 'Raj: SLA-NWR-2023 not reviewed since March 2023');
    raise(raj, ids.raj, 'major', '9.2', 'Raj: no internal audit of 8.5 in the 2026 programme');
    expect(findingsView(lee.db, ids.lee).findings.map((finding) => finding.label).sort()).toEqual(['LA-P1', 'LA-P2']);
    expect(findingsView(raj.db, ids.raj).findings.map((finding) => finding.label).sort()).toEqual(['RA-P1', 'RA-P2']);

    importInto(lead, returnPackage(raj, 'Raj'));
    importInto(lead, returnPackage(lee, 'Lee'));
    expect(listConflicts(lead.db)).toEqual([]);
    expect(findingsView(lead.db, ids.dana).findings.map((finding) => finding.label).sort()).toEqual(['LA-P1', 'LA-P2', 'RA-P1', 'RA-P2']);

    // Only the lead numbers.
    expect(() => numberFindings(lee.store, ids.lee, false)).toThrow(expect.objectContaining({ code: 'FINDINGS_LEAD_ONLY', params: { lead: 'Dana Lead' } }));
    const numbered = numberFindings(lead.store, ids.dana, false);
    expect(numbered.numbered.every((entry) => entry.reason === 'new')).toBe(true);
    // The default profile: a sequence per grade, most severe grade first, then by clause.
    expect(numbersOf(lead)).toEqual({
      'Raj: no internal audit of 8.5 in the 2026 programme': 'MAJ-01',
      'Raj: SLA-NWR-2023 not reviewed since March 2023': 'MIN-01',
      'Lee: CHG-4471 emergency change without CAB review': 'MIN-02',
      'Lee: capacity plan v2025.2 not updated since March 2025': 'OBS-01',
    });
    // Numbering twice changes nothing.
    expect(numberFindings(lead.store, ids.dana, false).numbered.every((entry) => entry.reason === 'kept')).toBe(true);

    // Raj goes on in his copy: one more finding on an earlier clause, and a correction to his first.
    raise(raj, ids.raj, 'minor', '7.5.3', 'Raj: 3 of 40 SMS documents past their review date');
    const rajFirst = findingsView(raj.db, ids.raj).findings.find((finding) => finding.provisionalSeq === 1)!;
    raj.store.updateRow('finding', rajFirst.id, { evidence: 'Raj: SLA-NWR-2023 not reviewed since 14 March 2023' });
    importInto(lead, returnPackage(raj, 'Raj'));
    expect(listConflicts(lead.db)).toEqual([]);

    const again = numberFindings(lead.store, ids.dana, false);
    expect(numbersOf(lead)).toEqual({
      'Raj: no internal audit of 8.5 in the 2026 programme': 'MAJ-01',
      'Raj: SLA-NWR-2023 not reviewed since 14 March 2023': 'MIN-01',
      'Lee: CHG-4471 emergency change without CAB review': 'MIN-02',
      'Lee: capacity plan v2025.2 not updated since March 2025': 'OBS-01',
      // The late one follows the numbers given, although its clause comes first.
      'Raj: 3 of 40 SMS documents past their review date': 'MIN-03',
    });
    expect(again.numbered.filter((entry) => entry.reason === 'new')).toHaveLength(1);

    // A full renumber, asked for, follows the documented order only: the late 7.5.3 finding now comes first.
    const full = numberFindings(lead.store, ids.dana, true);
    expect(full.numbered.find((entry) => entry.number === 'MIN-01')?.previous).toBe('MIN-03');
    expect(lead.store.verifyChain()).toMatchObject({ ok: true });
  });

  it('a member copy issued after numbering carries the numbers; the member’s later edits merge without touching them', () => {
    const { dir, lead, ids } = leadWithTeam();
    raise(lead, ids.dana, 'minor', '8.5.1.3', 'Dana: CHG-4471 emergency change without CAB review');
    numberFindings(lead.store, ids.dana, false);
    const lee = issueCopy(lead, dir, ids.lee, 'Lee Auditor', ACTOR_LEE);
    const [finding] = findingsView(lee.db, ids.lee).findings;
    expect(finding).toMatchObject({ label: 'MIN-01', finalSeq: 1 });
    lee.store.updateRow('finding', finding!.id, { auditee_representative: 'Jane Smith, Change manager' });
    importInto(lead, returnPackage(lee, 'Lee'));
    expect(findingsView(lead.db, ids.dana).findings).toMatchObject([{ label: 'MIN-01', auditeeRepresentative: 'Jane Smith, Change manager' }]);
    expect(listConflicts(lead.db)).toEqual([]);
  });
});
