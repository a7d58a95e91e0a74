import type { TFunction } from 'i18next';
import { Alert, Autocomplete, Button, CloseButton, Group, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconClipboardOff, IconPaperclip } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { AttachedView } from '../../../../shared/contract/evidence-channels.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes } from '../../components/format.ts';
import { isComposing } from '../../state/composition.ts';
import { useEvidenceFiles } from '../../state/evidence-files.ts';
import { useEvidenceUploads, type UploadItem, type UploadRequest } from '../../state/evidence-upload.ts';
import { asksPermission, clipboardImage, fileKindFor, newReferenceFor, outcomeNotes, screenshotStamp, type OutcomeNote } from './evidence-file-facts.ts';

/** Where files go: the chosen reference, or each file a new reference titled by its name. */
export type AttachTarget = { readonly kind: 'reference'; readonly id: string; readonly title: string } | { readonly kind: 'new' };
/** How the files came: chosen or dropped, "Add photo…" (the camera roll), or pasted. */
export type AttachVia = 'file' | 'photo' | 'paste';

type QueuedRequest = UploadRequest & { readonly targetTitle: string };

interface AttachFlow {
  /** Files waiting for "photography permitted by" before they are queued. */
  pending: { handle: string; requests: QueuedRequest[]; photos: number; resolve: (results: Promise<AttachedView | null>[]) => void } | null;
  /** A paste with no image: said at the top of the tab until the next attach or dismissal. */
  noImage: boolean;
  setNoImage(value: boolean): void;
  start(handle: string, requests: QueuedRequest[]): Promise<Promise<AttachedView | null>[]>;
  confirm(permittedBy: string): void;
  cancel(): void;
}

const isPhotoRequest = (request: UploadRequest) => asksPermission(request.fileKind, request.file.type, request.fileName);

/** The one way files are attached from the evidence screens: photos ask who permitted them first, then the queue sends them. */
export const useAttachFlow = create<AttachFlow>((set, get) => ({
  pending: null,
  noImage: false,
  setNoImage: (noImage) => set({ noImage }),
  start(handle, requests) {
    set({ noImage: false });
    const photos = requests.filter(isPhotoRequest).length;
    if (photos === 0) return Promise.resolve(useEvidenceUploads.getState().enqueue(handle, requests));
    return new Promise((resolve) => {
      // A second batch while one waits: the first is queued without a name rather than lost.
      get().pending?.resolve(useEvidenceUploads.getState().enqueue(get().pending!.handle, get().pending!.requests));
      set({ pending: { handle, requests, photos, resolve } });
    });
  },
  confirm(permittedBy) {
    const pending = get().pending;
    if (!pending) return;
    useEvidenceFiles.getState().rememberPermittedBy(permittedBy);
    const named = pending.requests.map((request) => (isPhotoRequest(request) ? { ...request, photographyPermittedBy: permittedBy.trim() } : request));
    set({ pending: null });
    pending.resolve(useEvidenceUploads.getState().enqueue(pending.handle, named));
  },
  cancel() {
    get().pending?.resolve([]);
    set({ pending: null });
  },
}));

/** The upload requests for files chosen, dropped or pasted, to one reference or each to a new one. */
export function attachRequests(files: readonly File[], via: AttachVia, target: AttachTarget, names: { screenshot: (when: string) => string; screenshotTitle: (when: string) => string }, now = new Date()): QueuedRequest[] {
  return files.map((file) => {
    const fileKind = fileKindFor(file.type, file.name, via);
    let fileName = file.name;
    let newEvidence = target.kind === 'new' ? newReferenceFor(file.name, fileKind) : null;
    if (via === 'paste') {
      const stamp = screenshotStamp(now);
      const extension = file.type === 'image/jpeg' ? 'jpg' : file.type === 'image/gif' ? 'gif' : 'png';
      fileName = `${names.screenshot(stamp.file)}.${extension}`;
      if (target.kind === 'new') newEvidence = { title: names.screenshotTitle(stamp.title), kind: 'screenshot' };
    }
    return {
      file,
      fileName,
      evidenceId: target.kind === 'reference' ? target.id : null,
      newEvidence,
      fileKind,
      photographyPermittedBy: '',
      caption: '',
      targetTitle: target.kind === 'reference' ? target.title : newEvidence!.title,
    };
  });
}

/** Attaches files from the evidence screens (a hook: the names of pasted screenshots are in the interface language). */
export function useAttach(handle: string) {
  const { t } = useTranslation();
  const start = useAttachFlow((s) => s.start);
  return (files: readonly File[], via: AttachVia, target: AttachTarget) =>
    start(
      handle,
      attachRequests(files, via, target, {
        screenshot: (when) => t('evidenceFiles.paste.fileName', { when }),
        screenshotTitle: (when) => t('evidenceFiles.paste.referenceTitle', { when }),
      }),
    );
}

/** "Photography permitted by", asked once for the photos of a batch, prefilled with the last name given while the app runs. */
export function PhotoPermissionModal({ people }: { people: readonly string[] }) {
  const { t } = useTranslation();
  const pending = useAttachFlow((s) => s.pending);
  const confirm = useAttachFlow((s) => s.confirm);
  const cancel = useAttachFlow((s) => s.cancel);
  const last = useEvidenceFiles((s) => s.lastPermittedBy);
  const [name, setName] = useState('');
  useEffect(() => {
    if (pending) setName(last);
  }, [pending, last]);
  const count = pending?.photos ?? 0;
  return (
    <Modal opened={pending !== null} onClose={cancel} title={t('evidenceFiles.permission.title')} size="md" data-testid="photo-permission">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm(name);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('evidenceFiles.permission.intro', { count })}</Text>
          <Autocomplete
            label={t('evidenceFiles.permission.label')}
            placeholder={t('evidenceFiles.permission.placeholder')}
            data={[...new Set([last, ...people].filter(Boolean))]}
            value={name}
            onChange={setName}
            maxLength={300}
            data-autofocus
            data-testid="photo-permission-name"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !isComposing(event.nativeEvent) && !event.currentTarget.hasAttribute('data-expanded')) {
                event.preventDefault();
                confirm(name);
              }
            }}
            renderOption={({ option }) => <span translate="no">{option.value}</span>}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={cancel}>
              {t('evidenceFiles.permission.cancel')}
            </Button>
            <Button type="submit" data-testid="photo-permission-attach">
              {t('evidenceFiles.permission.attach', { count })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The notes of an attach as sentences. */
export function outcomeText(t: TFunction, note: OutcomeNote, list: (codes: readonly string[]) => string): string {
  switch (note.key) {
    case 'storedAs':
      return t('evidenceFiles.outcome.storedAs', { name: note.name });
    case 'stripped':
    case 'keptTime':
      return t(`evidenceFiles.outcome.${note.key}`, { list: list(note.removed) });
    case 'warning':
      return t(`evidenceFiles.outcome.warnings.${note.code as 'exif-unreadable'}`, { defaultValue: note.code });
    default:
      return t(`evidenceFiles.outcome.${note.key}`);
  }
}

/** Removed-metadata codes in the reader's words, joined as a list ("location (GPS), camera data (EXIF) and XMP"). */
export function useRemovedList() {
  const { t, i18n } = useTranslation();
  return (codes: readonly string[]) => {
    const words = codes.map((code) => t(`evidenceFiles.removedCodes.${code as 'exif'}`, { defaultValue: code }));
    return new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(words);
  };
}

/**
 * The files being attached and what came of each, where the auditor is looking: in a reference's
 * files for those going to it, above the list for those making new references. A bar with bytes
 * sent and Cancel for the one being sent, the queue after it, then each outcome (where it went, the
 * name it was stored under, what the photo policy did, or the refusal with what to do) until dismissed.
 */
export function UploadQueuePanel({ handle, targetId, notice }: { handle: string; targetId: string | null; notice: boolean }) {
  const { t } = useTranslation();
  const all = useEvidenceUploads((s) => s.items);
  const items = all.filter((item) => item.handle === handle && item.targetId === targetId);
  const cancel = useEvidenceUploads((s) => s.cancel);
  const dismiss = useEvidenceUploads((s) => s.dismiss);
  const dismissFinished = useEvidenceUploads((s) => s.dismissFinished);
  const noImage = useAttachFlow((s) => s.noImage) && notice;
  const setNoImage = useAttachFlow((s) => s.setNoImage);
  const list = useRemovedList();
  if (!items.length && !noImage) return null;
  const finished = items.filter((item) => item.status !== 'queued' && item.status !== 'sending');
  return (
    <Stack gap={6} data-testid="upload-panel" aria-live="polite">
      {noImage ? (
        <Alert color="yellow" variant="light" icon={<IconClipboardOff size={18} />} title={t('evidenceFiles.paste.noImageTitle')} withCloseButton onClose={() => setNoImage(false)} data-testid="paste-no-image">
          {t('evidenceFiles.paste.noImage')}
        </Alert>
      ) : null}
      {items.map((item) => (
        <UploadRow key={item.key} item={item} inReference={targetId !== null} onCancel={() => cancel(item.key)} onDismiss={() => dismiss(item.key)} list={list} />
      ))}
      {finished.length > 1 ? (
        <Group justify="flex-end">
          <Button size="compact-xs" variant="subtle" onClick={() => dismissFinished(finished.map((item) => item.key))}>
            {t('evidenceFiles.outcome.clearFinished')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function UploadRow({
  item,
  inReference,
  onCancel,
  onDismiss,
  list,
}: {
  item: UploadItem;
  /** Shown in the reference's own files: "attached" says enough. */
  inReference: boolean;
  onCancel: () => void;
  onDismiss: () => void;
  list: (codes: readonly string[]) => string;
}) {
  const { t } = useTranslation();
  const notes = item.status === 'done' && item.result ? outcomeNotes(item.result) : null;
  const quiet = notes !== null && notes.length === 0;
  // A plain "attached" goes by itself after a while (the file is in the list); anything more stays until dismissed.
  const latest = useRef(onDismiss);
  useEffect(() => {
    latest.current = onDismiss;
  });
  useEffect(() => {
    if (!quiet) return;
    const timer = setTimeout(() => latest.current(), QUIET_OUTCOME_MS);
    return () => clearTimeout(timer);
  }, [quiet]);
  if (item.status === 'failed') {
    return (
      <div data-testid="upload-failed" data-file={item.fileName}>
        <ErrorNotice error={item.error} onClose={onDismiss} />
      </div>
    );
  }
  if (item.status === 'cancelled') {
    return (
      <Alert color="gray" variant="light" withCloseButton onClose={onDismiss} data-testid="upload-cancelled">
        <Text size="sm" translate="no">
          {t('evidenceFiles.outcome.cancelled', { name: item.fileName })}
        </Text>
      </Alert>
    );
  }
  if (item.status === 'done' && item.result && notes) {
    const warned = notes.some((note) => note.key === 'warning' || note.key === 'keptTimeMissing');
    const name = item.result.file.row.file_name;
    const heading = inReference ? t('evidenceFiles.outcome.attached', { name }) : t('evidenceFiles.outcome.attachedTo', { name, title: item.result.evidence.title });
    if (!notes.length) {
      // Nothing more to say: one quiet line (the file is in the list already).
      return (
        <Group
          gap="xs"
          wrap="nowrap"
          px="sm"
          py={4}
          data-testid="upload-done"
          data-file={item.result.file.row.file_name}
          style={{ background: 'var(--mantine-color-teal-0)', borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <IconCheck size={16} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} />
          <Text size="sm" c="teal.9" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} lineClamp={2} translate="no">
            {heading}
          </Text>
          <CloseButton size="sm" aria-label={t('evidenceFiles.outcome.dismiss')} onClick={onDismiss} />
        </Group>
      );
    }
    return (
      <Alert
        color={warned ? 'yellow' : 'teal'}
        variant="light"
        icon={<IconCheck size={18} />}
        withCloseButton
        onClose={onDismiss}
        title={<span translate="no">{heading}</span>}
        data-testid="upload-done"
        data-file={item.result.file.row.file_name}
      >
        {notes.length ? (
          <Stack gap={2}>
            {notes.map((note, index) => (
              <Text key={index} size="sm" data-testid="upload-note" data-note={note.key === 'warning' ? note.code : note.key}>
                {outcomeText(t, note, list)}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Alert>
    );
  }
  const sending = item.status === 'sending';
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="upload-progress" data-file={item.fileName}>
      <Group gap="sm" wrap="nowrap">
        <IconPaperclip size={16} style={{ flexShrink: 0 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} truncate="end" translate="no">
              {item.fileName}
              {inReference ? null : (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('evidenceFiles.queue.to', { title: item.targetTitle })}
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {sending ? t('evidenceFiles.queue.sending', { done: formatBytes(item.sent), total: formatBytes(item.size) }) : t('evidenceFiles.queue.waiting')}
            </Text>
          </Group>
          <Progress value={item.size ? (100 * item.sent) / item.size : 0} size="sm" mt={4} animated={sending} aria-label={item.fileName} />
        </div>
        <CloseButton size="sm" aria-label={t('evidenceFiles.queue.cancelFile', { name: item.fileName })} onClick={onCancel} data-testid="upload-cancel" />
      </Group>
    </Paper>
  );
}

/** How long a plain "attached" line stays. */
const QUIET_OUTCOME_MS = 12_000;

/** Whether a drag carries files (not text or a link dragged about the page). */
const carriesFiles = (event: DragEvent | globalThis.DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * A drop target for files: `active` while files are dragged over it (enter/leave counted, so
 * crossing a child does not flicker), `onFiles` with what was dropped.
 */
export function useFileDrop(onFiles: (files: File[]) => void, enabled = true) {
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter: (event: DragEvent) => {
      if (!enabled || !carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setActive(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!enabled || !carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!enabled || !carriesFiles(event)) return;
      depth.current = Math.max(depth.current - 1, 0);
      if (depth.current === 0) setActive(false);
    },
    onDrop: (event: DragEvent) => {
      if (!enabled || !carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth.current = 0;
      setActive(false);
      const files = Array.from(event.dataTransfer.files);
      if (files.length) onFiles(files);
    },
  };
  return { active, handlers };
}

/** While the Evidence tab is shown, a file dropped beside a drop target is ignored (the browser would open it in place of the app). */
export function useSwallowStrayDrops(): void {
  useEffect(() => {
    const swallow = (event: globalThis.DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);
}

/** Whether a paste lands in something that takes text (it is then the field's, not an attachment). */
const pastesIntoText = (target: EventTarget | null) => {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return Boolean(element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
};

/**
 * Ctrl+V / Cmd+V in the Evidence tab, outside a text field and never while an input method composes:
 * an image on the clipboard is attached as a screenshot (to the chosen reference, or to a new one);
 * a paste without an image says how to take one.
 */
export function useEvidencePaste(onImage: (file: File) => void, enabled: boolean): void {
  const setNoImage = useAttachFlow((s) => s.setNoImage);
  const latest = useRef(onImage);
  useEffect(() => {
    latest.current = onImage;
  });
  useEffect(() => {
    if (!enabled) return;
    const paste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || pastesIntoText(event.target) || isComposing(event)) return;
      // A dialog (a preview, the permission question) owns the keyboard while it is open.
      if ((event.target as HTMLElement | null)?.closest?.('[role="dialog"]')) return;
      const image = clipboardImage(event.clipboardData);
      event.preventDefault();
      if (image) latest.current(image);
      else setNoImage(true);
    };
    document.addEventListener('paste', paste);
    return () => document.removeEventListener('paste', paste);
  }, [enabled, setNoImage]);
}
