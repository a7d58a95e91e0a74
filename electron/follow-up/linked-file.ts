import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { LocalizedText } from '../../shared/cb-profile/profile.ts';
import type { LinkedFilePreview, LinkedImportResult } from '../../shared/contract/follow-up-views.ts';
import type { AuditType } from '../../shared/engagement.ts';
import type { CaState, EarlierNcStatus } from '../../shared/findings/finding-kinds.ts';
import { naturalRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { ENGAGEMENT_TABLE } from '../../shared/tables/engagement-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import { findingBriefs } from '../findings/worker.ts';
import { verifyChain } from '../store/chain-check.ts';
import { LATEST_ENGAGEMENT_VERSION, openEngagementFile } from '../store/engagement-file.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import { preopenCheck } from '../store/preopen.ts';
import { typedRow } from '../store/typed-rows.ts';
import { memberCopyMeta } from '../team/worker.ts';

/** A nonconformity of the earlier engagement, as this audit takes it over. */
export interface LinkedNc {
  readonly findingId: string;
  readonly number: string;
  readonly grade: string;
  readonly gradeName: LocalizedText | null;
  readonly clause: string;
  readonly statement: string;
  readonly raisedOn: string;
  readonly statusAtStart: EarlierNcStatus;
  readonly clientAction: string;
}

/** What the import needs of an earlier engagement file: who it audited, when, and its nonconformities. */
export interface LinkedEngagement {
  readonly engagementId: string;
  readonly clientName: string;
  readonly clientCreditCode: string;
  readonly auditType: AuditType;
  readonly startDate: string;
  readonly endDate: string;
  /** The highest final number sequence of its findings (numbering continues after it). */
  readonly highestSeq: number | null;
  readonly nonconformities: readonly LinkedNc[];
}

/** The earlier corrective action's state, as the status this audit starts from. */
function statusOf(state: CaState | undefined): EarlierNcStatus {
  if (state === 'closed') return 'closed';
  if (state === 'implemented' || state === 'verified') return 'implemented';
  if (state === 'accepted') return 'plan_accepted';
  return 'open';
}

const clip = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Reads the nonconformities of an engagement from its own connection (the open worker's, or a
 * private copy's): never written to. A file of a newer app is refused (LINKED_FILE_NEWER), a member
 * copy too (it lacks the rest of the team's findings).
 */
export function linkedFromDb(db: Database.Database, fileName: string): LinkedEngagement {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_ENGAGEMENT_VERSION) {
    const by = db.prepare('SELECT applied_by_app FROM schema_migration ORDER BY version DESC LIMIT 1').pluck().get() as string | undefined;
    throw new StoreError('LINKED_FILE_NEWER', `${fileName} was saved by a newer Audit Workbench`, { version: by ?? 'unknown' });
  }
  if (memberCopyMeta(db)) throw new StoreError('EARLIER_MEMBER_COPY', `${fileName} is a team member’s copy, not the lead’s engagement`, { file: fileName });
  const engagementRow = db.prepare('SELECT * FROM engagement LIMIT 1').get() as Row | undefined;
  if (!engagementRow) throw new StoreError('NOT_ENGAGEMENT', `${fileName} holds no engagement`, { path: fileName });
  const engagement: RowOf<typeof ENGAGEMENT_TABLE> = typedRow(ENGAGEMENT_TABLE, engagementRow);
  const engagementId = db.prepare("SELECT value FROM file_meta WHERE key = 'engagement_id'").pluck().get() as string;
  const states = new Map(
    (db.prepare('SELECT finding_id, state, action FROM corrective_action WHERE deleted = 0').all() as { finding_id: string; state: CaState; action: string }[]).map((row) => [row.finding_id, row]),
  );
  const briefs = findingBriefs(db);
  const seqs = briefs.map((brief) => brief.finalSeq).filter((seq): seq is number => seq !== null);
  return {
    engagementId,
    clientName: engagement.client_name,
    clientCreditCode: engagement.client_credit_code,
    auditType: engagement.audit_type,
    startDate: engagement.start_date,
    endDate: engagement.end_date,
    highestSeq: seqs.length ? Math.max(...seqs) : null,
    nonconformities: briefs
      .filter((brief) => brief.isNonconformity)
      .map((brief): LinkedNc => {
        const action = states.get(brief.id);
        return {
          findingId: brief.id,
          number: clip(brief.label, 60),
          grade: clip(brief.grade, 60),
          gradeName: brief.gradeInfo?.name ?? null,
          clause: clip(brief.clauses.join(', '), 100),
          statement: clip(brief.notFulfilled.trim() || brief.evidence.trim() || brief.requirement.trim(), 20_000),
          raisedOn: brief.raisedOn,
          statusAtStart: statusOf(action?.state),
          clientAction: clip(action?.action ?? '', 10_000),
        };
      }),
  };
}

/**
 * Reads an earlier engagement file that is not open in this app, in a worker of its own: the file is
 * copied to a private scratch folder and the copy opened as a received file (full integrity, the change
 * log's fingerprints, migrations on the copy only), so the original's bytes never change and no
 * second connection is ever made to it (never ATTACHed). The scratch copy is removed whatever happens.
 */
export function readLinkedFile(file: string): LinkedEngagement {
  preopenCheck(file, { allowForeignJournal: false });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-linked-'));
  const fileName = path.basename(file);
  try {
    const copy = path.join(scratch, 'linked.iso20k');
    fs.copyFileSync(file, copy);
    fs.chmodSync(copy, 0o600);
    const opened = openEngagementFile(copy, { received: true });
    try {
      const linked = linkedFromDb(opened.db, fileName);
      if (!verifyChain(opened.db).ok) throw new StoreError('FILE_DAMAGED', `${fileName}: a recorded change no longer matches its fingerprint`, { file: fileName });
      return linked;
    } finally {
      opened.db.close();
    }
  } catch (error) {
    if (error instanceof StoreError && error.code === 'NEWER_VERSION') {
      throw new StoreError('LINKED_FILE_NEWER', `${fileName} needs a newer Audit Workbench`, { version: String(error.params.requiredVersion ?? 'unknown') });
    }
    if (error instanceof StoreError && typeof error.params.path === 'string') throw new StoreError(error.code, error.message, { ...error.params, path: file });
    throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const normalName = (name: string): string => name.normalize('NFKC').toLocaleLowerCase().replace(/[\s.,，。()（）]+/gu, ' ').trim();

/** Another client: the unified social credit codes differ when both are known, else the names differ. */
export function isOtherClient(mine: { clientName: string; clientCreditCode: string }, theirs: { clientName: string; clientCreditCode: string }): boolean {
  const a = mine.clientCreditCode.trim().toUpperCase();
  const b = theirs.clientCreditCode.trim().toUpperCase();
  if (a && b) return a !== b;
  return normalName(mine.clientName) !== normalName(theirs.clientName);
}

const sourceRef = (linked: LinkedEngagement, nc: LinkedNc): string => `${linked.engagementId}:${nc.findingId}`;

function checkNotSelf(store: EngagementStore, linked: LinkedEngagement): RowOf<typeof ENGAGEMENT_TABLE> {
  if (linked.engagementId === store.engagementId) throw new StoreError('LINKED_FILE_SAME_ENGAGEMENT', 'That file is this engagement');
  return typedRow(ENGAGEMENT_TABLE, store.db.prepare('SELECT * FROM engagement LIMIT 1').get() as Row);
}

function existing(store: EngagementStore, linked: LinkedEngagement, nc: LinkedNc): boolean {
  const id = naturalRowId(store.engagementId, 'earlier_nc', [sourceRef(linked, nc)]);
  return store.db.prepare('SELECT 1 FROM earlier_nc WHERE id = ?').get(id) !== undefined;
}

/** What an import of `linked` would do here, before anything is written. */
export function previewLinked(store: EngagementStore, linked: LinkedEngagement, file: string): LinkedFilePreview {
  const engagement = checkNotSelf(store, linked);
  return {
    file,
    engagementId: linked.engagementId,
    clientName: linked.clientName,
    clientCreditCode: linked.clientCreditCode,
    auditType: linked.auditType,
    startDate: linked.startDate,
    endDate: linked.endDate,
    otherClient: isOtherClient({ clientName: engagement.client_name, clientCreditCode: engagement.client_credit_code }, linked),
    nonconformities: linked.nonconformities.length,
    alreadyImported: linked.nonconformities.filter((nc) => existing(store, linked, nc)).length,
    highestSeq: linked.highestSeq,
  };
}

function gradeNameIn(name: LocalizedText | null, language: string, fallback: string): string {
  if (!name) return fallback;
  const base = language.split('-')[0] ?? '';
  const key = Object.keys(name).find((tag) => tag === language) ?? Object.keys(name).find((tag) => tag.split('-')[0] === base) ?? 'en';
  return clip(name[key] ?? Object.values(name)[0] ?? fallback, 300);
}

/**
 * Imports the earlier engagement's nonconformities with their state, in one transaction: each as an
 * earlier_nc of source 'linked_file' and source_ref '<engagement id>:<finding id>' (its natural key),
 * so a second import — or the same file imported in a member's copy — adds nothing twice and never
 * overwrites this audit's verification of one already there (even one deleted here: undo restores it).
 * The client's last finding number becomes the file's highest, so numbering continues after it.
 * Another client is refused unless the user confirmed it.
 */
export function importLinked(store: EngagementStore, linked: LinkedEngagement, auditLabel: string, confirmOtherClient: boolean): LinkedImportResult {
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  const engagement = checkNotSelf(store, linked);
  if (!confirmOtherClient && isOtherClient({ clientName: engagement.client_name, clientCreditCode: engagement.client_credit_code }, linked)) {
    throw new StoreError('INVALID_VALUE', 'The earlier engagement is of another client: confirm to import it', { field: 'client_name', reason: 'other_client', clientName: linked.clientName });
  }
  const language = engagement.audit_language || 'en';
  return store.db.transaction((): LinkedImportResult => {
    let added = 0;
    let alreadyThere = 0;
    for (const nc of linked.nonconformities) {
      if (existing(store, linked, nc)) {
        alreadyThere += 1;
        continue;
      }
      store.createRow('earlier_nc', {
        engagement_id: store.engagementId,
        source_ref: sourceRef(linked, nc),
        source: 'linked_file',
        number: nc.number,
        grade: nc.grade,
        grade_name: gradeNameIn(nc.gradeName, language, nc.grade),
        clause: nc.clause,
        statement: nc.statement,
        raised_on: nc.raisedOn || null,
        audit_label: clip(auditLabel, 300),
        status_at_start: nc.statusAtStart,
        client_action: nc.clientAction,
      });
      added += 1;
    }
    let earlierLastSeq = engagement.earlier_last_finding_seq;
    if (linked.highestSeq !== null && (earlierLastSeq === null || linked.highestSeq > earlierLastSeq)) {
      earlierLastSeq = linked.highestSeq;
      store.updateRow('engagement', engagement.id, { earlier_last_finding_seq: earlierLastSeq });
    }
    return { added, alreadyThere, earlierLastSeq };
  })();
}
