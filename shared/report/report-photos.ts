import type { ChecklistPack } from '../checklist/pack.ts';
import { fillText } from '../documents/fixed-text.ts';
import { formatDate, joinList, utcOffsetText } from '../documents/format.ts';
import type { DocumentLanguage } from '../documents/plan-input.ts';
import type { ReportPhoto } from '../documents/report-input.ts';
import { REPORT_LABELS } from './report-labels.ts';
import { joiningFor } from './report-wording.ts';
import { isAnnexPhoto, type ReportSource } from './report-source.ts';
import { topicTitleOf } from './report-topics.ts';

/** The policies under which a photo keeps its capture time as a recorded field (the CB's photo policy). */
const KEEPS_TIME: ReadonlySet<string> = new Set(['keep-capture-time', 'keep-capture-time-and-location']);

/**
 * "2026-03-14T09:26:53+08:00" as the report prints it: "14 Mar 2026 09:26 (UTC+8)" — the time as the
 * photo says it was taken, with the offset it was taken at ("Z" is UTC+0; none when the photo gives none).
 */
function takenAt(capturedAt: string, language: DocumentLanguage): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(capturedAt);
  if (!match) return '';
  const when = `${formatDate(match[1]!, language)} ${match[2]}`;
  const zone = match[3];
  if (!zone) return when;
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return fillText(REPORT_LABELS[language].takenAtZone, { when, offset: utcOffsetText(offset) });
}

/**
 * The photo annex: the report copies of the photos attached to evidence references, in the order they
 * were taken (capture time when recorded; then the order the references were recorded, then the file
 * name), captioned by the reference's title (with the photo's own caption), where each is used, and
 * the time taken when the CB's photo policy kept it. Photos whose report copy is not in this copy of
 * the engagement (held by another member) are left out.
 */
export function reportPhotos(source: ReportSource, language: DocumentLanguage, evidenceTopics: ReadonlyMap<string, readonly string[]>, pack: ChecklistPack | null): ReportPhoto[] {
  if (!source.photoCopies.size) return [];
  const items = new Map(source.evidenceItems.map((item, at) => [item.id, { item, at }]));
  return source.evidenceFiles
    .filter((file) => isAnnexPhoto(file, items.get(file.evidence_id)?.item.kind) && source.photoCopies.has(file.id))
    .map((file) => ({ file, copy: source.photoCopies.get(file.id)!, reference: items.get(file.evidence_id) }))
    .sort(
      (a, b) =>
        (a.file.captured_at && b.file.captured_at ? a.file.captured_at.localeCompare(b.file.captured_at) : a.file.captured_at ? -1 : b.file.captured_at ? 1 : 0) ||
        (a.reference?.at ?? Number.MAX_SAFE_INTEGER) - (b.reference?.at ?? Number.MAX_SAFE_INTEGER) ||
        a.file.file_name.localeCompare(b.file.file_name) ||
        a.file.id.localeCompare(b.file.id),
    )
    .map(({ file, copy, reference }) => {
      const title = reference?.item.title.trim() || file.file_name;
      const caption = file.caption.trim();
      return {
        dataUrl: copy.dataUrl,
        widthPx: copy.widthPx,
        heightPx: copy.heightPx,
        caption: caption && caption !== title ? fillText(joiningFor(`${title}${caption}`, language).photoCaption, { title, caption }) : title,
        takenAt: KEEPS_TIME.has(file.metadata_policy) && file.captured_at ? takenAt(file.captured_at, language) : '',
        usedIn: joinList((evidenceTopics.get(file.evidence_id) ?? []).map((topic) => topicTitleOf(topic, pack, language)), language),
      };
    });
}
