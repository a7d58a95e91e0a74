import { Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import { useEvidenceFiles } from '../../state/evidence-files.ts';
import { PhotoPermissionModal, UploadQueuePanel, useAttach, useEvidencePaste, useFileDrop, useSwallowStrayDrops } from './evidence-attach.tsx';
import type { EvidenceItem } from './records-actions.ts';

/**
 * What the Evidence tab gains from files, in one hook so the panel mounts it in a few lines: the
 * files list loaded with the tab, a paste anywhere in the tab (outside a text field) attaching a
 * screenshot, files dropped on the list each making a new reference (the first one is then chosen),
 * and the number of files per reference for the list's rows.
 */
export function useEvidenceTabFiles({ handle, readOnly, selected, onSelect }: { handle: string; readOnly: boolean; selected: EvidenceItem | null; onSelect: (id: string) => void }) {
  const load = useEvidenceFiles((s) => s.load);
  const view = useEvidenceFiles((s) => s.view);
  const attach = useAttach(handle);
  useEffect(() => {
    void load(handle);
  }, [handle, load]);
  useSwallowStrayDrops();

  const selectFirst = async (pending: Promise<Promise<unknown>[]>) => {
    for (const result of await pending) {
      const attached = (await result) as { evidence: { id: string } } | null;
      if (attached) return onSelect(attached.evidence.id);
    }
  };
  useEvidencePaste((image) => void selectFirst(attach([image], 'paste', selected ? { kind: 'reference', id: selected.id, title: selected.title } : { kind: 'new' })), !readOnly);
  const listDrop = useFileDrop((files) => void selectFirst(attach(files, 'file', { kind: 'new' })), !readOnly);

  const fileCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const file of view?.files ?? []) counts.set(file.row.evidence_id, (counts.get(file.row.evidence_id) ?? 0) + 1);
    return counts;
  }, [view]);
  return { listDrop, fileCounts };
}

/** The upload queue and outcomes above the list, and the question asked before photos are attached. */
export function EvidenceTabFilesChrome({ handle, people, referenceShown }: { handle: string; people: readonly string[]; referenceShown: boolean }) {
  return (
    <>
      <UploadQueuePanel handle={handle} targetId={null} notice={!referenceShown} />
      <PhotoPermissionModal people={people} />
    </>
  );
}

/** A reference's number of files, in its list row. */
export function FileCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Text size="xs" c="dimmed" style={{ flexShrink: 0, display: 'flex', alignItems: 'center', gap: 2 }} title={t('evidenceFiles.count', { count })} data-testid="evidence-file-count">
      <IconPaperclip size={12} />
      {formatNumber(count)}
    </Text>
  );
}

/** What the list says while files are dragged over it. */
export function ListDropHint() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="indigo.7" fw={500} data-testid="evidence-list-drop-hint">
      {t('evidenceFiles.dropOnList')}
    </Text>
  );
}
