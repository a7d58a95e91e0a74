import type { AttachedView, EvidenceFileView } from '../../../../shared/contract/evidence-channels.ts';
import type { PhotoPolicy } from '../../../../shared/cb-profile/profile.ts';
import type { EvidenceFileKind } from '../../../../shared/evidence/evidence-file-kinds.ts';
import { checkDeclaredSize, extensionOf } from '../../../../shared/evidence/file-format.ts';
import type { EvidenceKind } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import type { EvidenceFileRow } from '../../state/evidence-files.ts';

/*
 * Pure decisions of the evidence files screens: how a file is previewed, what a new reference made
 * from a file is called, what a pasted screenshot is named, what the photo policy did (as message
 * keys), where else the same bytes are attached.
 */

/**
 * The renderer decodes no original above this (150 MP is 600 MB of pixels in the page). The shared
 * rule (`checkDeclaredSize`: 210 MP, 30,000 px a side) is what an attach accepts; a real photo between
 * the two (a 200 MP phone's full-resolution mode) is shown by its ≤ 1,600 px report copy only.
 */
export const MAX_PREVIEW_PIXELS = 150_000_000;
/** A text preview shows the start of the file. */
export const TEXT_PREVIEW_BYTES = 256 * 1024;
/** PDFs above this are not previewed: pdf.js would hold the whole document in memory. */
export const MAX_PDF_PREVIEW_BYTES = 100 * 1024 * 1024;

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/bmp']);
const TEXT_EXTENSIONS = new Set(['txt', 'log', 'csv', 'json', 'xml', 'md']);

export const isSvg = (fileName: string, mediaType: string): boolean => mediaType === 'image/svg+xml' || extensionOf(fileName) === 'svg';
export const isImage = (mediaType: string): boolean => IMAGE_TYPES.has(mediaType);

/** Whether an image's original may be decoded here: a declared size, not absurd by the shared rule, at most 150 MP. */
export function decodable(width: number | null, height: number | null): boolean {
  if (width === null || height === null || checkDeclaredSize(width, height) === 'absurd') return false;
  return width * height <= MAX_PREVIEW_PIXELS;
}

export type PreviewPlan =
  | { readonly kind: 'absent'; readonly heldBy: string | null }
  /** `reportCopy`: shown from the report copy first; `fullSize`: the original may be decoded too. */
  | { readonly kind: 'image'; readonly reportCopy: boolean; readonly fullSize: boolean }
  | { readonly kind: 'absurd-image'; readonly width: number | null; readonly height: number | null }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'pdf-too-large' }
  | { readonly kind: 'text' }
  | { readonly kind: 'svg' }
  | { readonly kind: 'none' };

/** How a file is previewed: by its stored media type (decided from its bytes), its name only where bytes look alike (text). */
export function previewPlan(file: EvidenceFileView): PreviewPlan {
  const { row } = file;
  if (!file.present) return { kind: 'absent', heldBy: file.heldBy };
  const type = row.media_type.toLowerCase();
  if (isSvg(row.file_name, type)) return { kind: 'svg' };
  if (isImage(type)) {
    const fullSize = decodable(row.width, row.height);
    // The report copy was made by the main process from a size it accepted: always safe to show.
    if (fullSize || file.reportPresent) return { kind: 'image', reportCopy: file.reportPresent, fullSize };
    return { kind: 'absurd-image', width: row.width, height: row.height };
  }
  if (type === 'application/pdf') return row.byte_size > MAX_PDF_PREVIEW_BYTES ? { kind: 'pdf-too-large' } : { kind: 'pdf' };
  if (type.startsWith('text/') || type === 'application/json' || type === 'application/xml' || TEXT_EXTENSIONS.has(extensionOf(row.file_name))) return { kind: 'text' };
  return { kind: 'none' };
}

/** How a file reached the evidence: a pasted screenshot, a photo (camera roll, or a JPEG dropped or chosen), else a file. */
export function fileKindFor(mediaType: string, fileName: string, via: 'file' | 'photo' | 'paste'): EvidenceFileKind {
  if (via === 'paste') return 'screenshot';
  if (via === 'photo') return 'photo';
  const type = mediaType.toLowerCase();
  const extension = extensionOf(fileName);
  return type === 'image/jpeg' || type === 'image/heic' || type === 'image/heif' || ['jpg', 'jpeg', 'heic', 'heif'].includes(extension) ? 'photo' : 'file';
}

/** Photos whose metadata the policy handles (JPEG, PNG): the ones "photography permitted by" is asked for. */
export const asksPermission = (fileKind: EvidenceFileKind, mediaType: string, fileName: string): boolean =>
  fileKind === 'photo' && (['image/jpeg', 'image/png'].includes(mediaType.toLowerCase()) || ['jpg', 'jpeg', 'png'].includes(extensionOf(fileName)));

/** The reference a file dropped on the list makes: titled by its name (without the extension), of the kind the file is. */
export function newReferenceFor(fileName: string, fileKind: EvidenceFileKind): { title: string; kind: EvidenceKind } {
  const dot = fileName.lastIndexOf('.');
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
  const title = (base || fileName).slice(0, 500);
  return { title, kind: fileKind === 'photo' ? 'photo' : fileKind === 'screenshot' ? 'screenshot' : 'document' };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-12-07 14.32.05": a pasted screenshot's time, local, sortable, safe in a file name. */
export function screenshotStamp(at: Date): { title: string; file: string } {
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return { title: `${day} ${pad(at.getHours())}:${pad(at.getMinutes())}`, file: `${day} ${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}` };
}

/** The image a paste carries (a screenshot, a copied image), or null: files first, then items. */
export function clipboardImage(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const file of Array.from(data.files ?? [])) if (file.type.startsWith('image/')) return file;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file' && item.type.startsWith('image/')) {
      const file = item.getAsFile();
      if (file) return file;
    }
  }
  return null;
}

/** A message of the outcome of an attach: its key under evidenceFiles.outcome and its values. */
export type OutcomeNote =
  | { readonly key: 'storedAs'; readonly name: string }
  | { readonly key: 'deduplicated' }
  | { readonly key: 'stripped'; readonly removed: readonly string[] }
  | { readonly key: 'strippedNothing' }
  | { readonly key: 'keptTime'; readonly removed: readonly string[] }
  | { readonly key: 'keptTimeMissing' }
  | { readonly key: 'keptAll' }
  | { readonly key: 'keptAllNoLocation' }
  | { readonly key: 'warning'; readonly code: string };

/** What to tell the auditor after an attach: the stored name, a duplicate kept once, what the CB's photo policy did, and what could not be read. */
export function outcomeNotes(attached: AttachedView): OutcomeNote[] {
  const notes: OutcomeNote[] = [];
  const { row } = attached.file;
  if (attached.nameChanged) notes.push({ key: 'storedAs', name: row.file_name });
  if (attached.deduplicated) notes.push({ key: 'deduplicated' });
  const policy = row.metadata_policy;
  // A screenshot or a PNG attached as a file goes through the policy too; it is worth a word only when the policy found something.
  const found = attached.removed.length > 0 || row.captured_at !== '' || row.capture_latitude !== null;
  if (policy !== 'none' && (row.file_kind === 'photo' || found)) notes.push(...policyNotes(policy, attached.removed, row));
  for (const code of attached.warnings) notes.push({ key: 'warning', code });
  return notes;
}

function policyNotes(policy: PhotoPolicy, removed: readonly string[], row: EvidenceFileRow): OutcomeNote[] {
  switch (policy) {
    case 'strip-metadata':
      return [removed.length ? { key: 'stripped', removed } : { key: 'strippedNothing' }];
    case 'keep-capture-time':
      return [row.captured_at ? { key: 'keptTime', removed } : { key: 'keptTimeMissing' }];
    case 'keep-capture-time-and-location':
      return [row.capture_latitude !== null && row.capture_longitude !== null ? { key: 'keptAll' } : { key: 'keptAllNoLocation' }];
  }
}

/** Other live references holding the same bytes (by SHA-256), in the order given. */
export function alsoAttachedTo(file: EvidenceFileRow, files: readonly EvidenceFileView[], liveReferences: ReadonlyMap<string, string>): { id: string; title: string }[] {
  const seen = new Set<string>([file.evidence_id]);
  const out: { id: string; title: string }[] = [];
  for (const other of files) {
    const { evidence_id: id, sha256 } = other.row;
    if (sha256 !== file.sha256 || seen.has(id)) continue;
    const title = liveReferences.get(id);
    if (title === undefined) continue;
    seen.add(id);
    out.push({ id, title });
  }
  return out;
}

/** A captured-at value split for the date-time input ('YYYY-MM-DDTHH:MM:SS') and the offset the photo stated ('+08:00' or ''). */
export function splitCapturedAt(value: string): { local: string; offset: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}:\d{2}|Z)?$/.exec(value);
  return match ? { local: match[1]!, offset: match[2] ?? '' } : { local: '', offset: '' };
}

/** Joins the input's value with the offset kept from the photo; '' clears it. */
export function joinCapturedAt(local: string, offset: string): string {
  if (!local) return '';
  const full = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${full}${offset}`;
}

/** A latitude or longitude as typed: a number in range, null for empty, undefined when it is not one. */
export function parseDegrees(text: string, axis: 'latitude' | 'longitude'): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  const limit = axis === 'latitude' ? 90 : 180;
  return Math.abs(value) <= limit ? value : undefined;
}

/** The start of a text file decoded as UTF-8, a character cut at the end of the piece dropped (not shown as �). */
export function decodeTextStart(bytes: Uint8Array, complete: boolean): string {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  return decoder.decode(bytes, { stream: !complete });
}
