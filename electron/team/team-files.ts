import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../shared/store-errors.ts';
import { verifyChain } from '../store/chain-check.ts';
import { ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION } from '../store/migrations/index.ts';
import { preopenCheck, readPrefix } from '../store/preopen.ts';
import { compareSchema, expectedSchema, readSchema } from '../store/schema.ts';
import { SQLITE_HEADER_MAGIC } from '../store/file-format.ts';
import { damagedValue } from './merge.ts';
import { buildPackage, memberCopyMeta } from './package-build.ts';
import { readingReceived } from './received-file-errors.ts';
import { decodePackage, packageIsEncrypted } from './package-file.ts';
import type { ReturnPackage } from './package-schema.ts';

export interface IncomingPackage {
  readonly pkg: ReturnPackage;
  readonly kind: 'package' | 'member_copy';
  readonly sha256: string;
  readonly encrypted: boolean;
  readonly fileName: string;
}

function sha256OfBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A member's whole copy (.iso20k) received on a USB stick: checked as a received file (integrity and
 * reference checks, schema, chain), read without ever writing to it, turned into a package.
 */
function packageFromMemberCopy(file: string): ReturnPackage {
  const report = preopenCheck(file);
  if (report.header.userVersion > LATEST_ENGAGEMENT_VERSION) {
    throw new StoreError('MERGE_NEWER_VERSION', 'This copy was made by a newer version of Audit Workbench', { requiredVersion: 'newer' });
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const damaged = (reason: string): StoreError => new StoreError('MERGE_DAMAGED', `This copy is damaged (${reason})`, { reason });
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw damaged('corrupt');
    if ((db.pragma('foreign_key_check') as unknown[]).length) throw damaged('references');
    if (report.header.userVersion < LATEST_ENGAGEMENT_VERSION) {
      throw damaged('older_version');
    }
    if (compareSchema(readSchema(db), expectedSchema(ENGAGEMENT_MIGRATIONS, LATEST_ENGAGEMENT_VERSION, 'engagement'))) {
      throw damaged('structure');
    }
    // Every logged value against its fingerprint, before anything of the copy is applied.
    const chain = verifyChain(db);
    if (!chain.ok) {
      const entry = { replica_id: chain.replicaId, seq: chain.seq, entity: chain.entity, row_id: chain.rowId, field: chain.field };
      if (chain.reason === 'value_hash_mismatch') throw damagedValue(entry);
      throw new StoreError('MERGE_BROKEN_CHAIN', 'The copy’s history does not verify', { replicaId: chain.replicaId, seq: chain.seq, entity: chain.entity, field: chain.field });
    }
    const meta = memberCopyMeta(db);
    const lastActor = db.prepare('SELECT actor_id FROM change_log ORDER BY hlc DESC LIMIT 1').pluck().get() as string | undefined;
    return buildPackage(db, meta?.base ?? {}, { actorId: lastActor ?? 'unknown', name: meta?.memberName ?? path.basename(file), initials: '' });
  } finally {
    db.close();
  }
}

/** Reads a return package or a member copy; every bad input is a clear StoreError. */
export function readIncoming(file: string, passphrase: string | null): IncomingPackage {
  return readingReceived(() => readIncomingFile(file, passphrase));
}

function readIncomingFile(file: string, passphrase: string | null): IncomingPackage {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new StoreError('FILE_NOT_FOUND', `No file at ${file}`, { path: file });
  if (!stat.isFile()) throw new StoreError('NOT_A_FILE', `${file} is a folder`, { path: file });
  const fileName = path.basename(file);
  if (readPrefix(file, 16).equals(SQLITE_HEADER_MAGIC)) {
    const bytes = fs.readFileSync(file);
    return { pkg: packageFromMemberCopy(file), kind: 'member_copy', sha256: sha256OfBytes(bytes), encrypted: false, fileName };
  }
  const bytes = fs.readFileSync(file);
  return {
    pkg: decodePackage(bytes, passphrase),
    kind: 'package',
    sha256: sha256OfBytes(bytes),
    encrypted: packageIsEncrypted(bytes),
    fileName,
  };
}
