import { ActionIcon, Anchor, Autocomplete, Badge, Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconCamera, IconEye, IconFile, IconFileText, IconFileTypePdf, IconPaperclip, IconPhoto, IconScreenshot, IconTrash, IconUserShare } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileView } from '../../../../shared/contract/evidence-channels.ts';
import type { EvidenceUse } from '../../../../shared/fieldwork/evidence-uses.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { showUndo } from '../../components/undo.tsx';
import { isComposing, useGuardedHotkeys } from '../../state/composition.ts';
import { useEvidenceFiles, type EvidenceFileRow } from '../../state/evidence-files.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { UploadQueuePanel, useAttach, useFileDrop } from './evidence-attach.tsx';
import { alsoAttachedTo, joinCapturedAt, parseDegrees, previewPlan, splitCapturedAt } from './evidence-file-facts.ts';
import { EvidencePreview } from './evidence-preview.tsx';
import { readEvidencePieces } from './evidence-read.ts';
import type { EvidenceItem } from './records-actions.ts';
import type { FieldworkContext } from './records-context.ts';

const flush = () => void useSaveStore.getState().flush();
const USE_GROUPS = ['answer', 'notebook', 'record', 'document_review'] as const;
/** The camera roll: what phones and cameras save. HEIC is listed so it can be chosen and then refused with what to do. */
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif';

/**
 * The files of one evidence reference, in its editor: each file (thumbnail from the report copy,
 * name, size, kind; "held by" when its bytes are not in this copy), attaching by drop, file dialog
 * (A), camera roll (P) or paste, a preview (Enter or Space), removal with undo, the chosen file's
 * photo fields and where it is used.
 */
export function EvidenceFilesArea({
  ctx,
  item,
  uses,
  people,
  onSelectReference,
}: {
  ctx: FieldworkContext;
  item: EvidenceItem;
  uses: readonly EvidenceUse[];
  people: readonly string[];
  onSelectReference?: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const view = useEvidenceFiles((s) => s.view);
  const loadError = useEvidenceFiles((s) => s.error);
  const remove = useEvidenceFiles((s) => s.remove);
  const restore = useEvidenceFiles((s) => s.restore);
  const evidenceItems = useFieldworkRecords((s) => s.records?.evidence_item);
  const attach = useAttach(ctx.handle);
  const files = useMemo(() => (view?.files ?? []).filter((file) => file.row.evidence_id === item.id), [view, item.id]);
  const titles = useMemo(() => new Map((evidenceItems ?? []).map((reference) => [reference.id, reference.title])), [evidenceItems]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const photoInput = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const readOnly = ctx.readOnly;
  const target = { kind: 'reference', id: item.id, title: item.title } as const;
  const drop = useFileDrop((dropped) => void attach(dropped, 'file', target), !readOnly);

  const chosen = files.find((file) => file.row.id === chosenId) ?? files[0] ?? null;
  const chosenIndex = chosen ? files.indexOf(chosen) : -1;
  const previewed = files.find((file) => file.row.id === previewId) ?? null;

  useGuardedHotkeys(
    readOnly
      ? []
      : [
          ['a', () => fileInput.current?.click()],
          ['p', () => photoInput.current?.click()],
        ],
  );

  const removeFile = async (file: EvidenceFileView) => {
    const next = files[chosenIndex + 1] ?? files[chosenIndex - 1];
    setChosenId(next && next.row.id !== file.row.id ? next.row.id : null);
    try {
      await remove(file.row.id);
      showUndo(t, t('evidenceFiles.removed', { name: file.row.file_name, title: item.title }), () => restore(file.row.id).catch(ctx.setError));
    } catch (failure) {
      ctx.setError(failure);
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isComposing(event.nativeEvent) || event.altKey || event.ctrlKey || event.metaKey || !files.length) return;
    const go = (index: number) => {
      event.preventDefault();
      setChosenId(files[Math.min(Math.max(index, 0), files.length - 1)]!.row.id);
    };
    if (event.key === 'ArrowDown') go(chosenIndex + 1);
    else if (event.key === 'ArrowUp') go(chosenIndex - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(files.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && chosen) {
      event.preventDefault();
      event.stopPropagation();
      setPreviewId(chosen.row.id);
    } else if (event.key === 'Delete' && chosen && !readOnly) {
      event.preventDefault();
      event.stopPropagation();
      void removeFile(chosen);
    }
  };

  const choose = (input: HTMLInputElement, via: 'file' | 'photo') => {
    const picked = Array.from(input.files ?? []);
    input.value = '';
    if (picked.length) void attach(picked, via, target);
  };

  const policy = view ? (view.policyFromProfile ? t(`evidenceFiles.policy.${view.photoPolicy}`) : t('evidenceFiles.policy.noProfile')) : '';
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid="evidence-files"
      data-drop-active={drop.active || undefined}
      {...drop.handlers}
      style={{
        borderStyle: drop.active ? 'dashed' : undefined,
        borderColor: drop.active ? 'var(--mantine-color-indigo-5)' : undefined,
        background: drop.active ? 'var(--mantine-color-indigo-0)' : undefined,
      }}
    >
      <Group justify="space-between" mb={6} wrap="nowrap" align="flex-start">
        <Group gap={6}>
          <IconPaperclip size={16} />
          <Text size="sm" fw={600}>
            {t('evidenceFiles.title')}
          </Text>
          {files.length ? (
            <Text size="xs" c="dimmed" data-testid="evidence-files-count">
              {t('evidenceFiles.count', { count: files.length })}
            </Text>
          ) : null}
        </Group>
        {!readOnly ? (
          <Group gap={6} wrap="nowrap">
            <Tooltip label={<Kbd size="xs">A</Kbd>}>
              <Button size="compact-sm" variant="light" leftSection={<IconPaperclip size={14} />} onClick={() => fileInput.current?.click()} data-testid="attach-file">
                {t('evidenceFiles.attach')}
              </Button>
            </Tooltip>
            <Tooltip label={<Kbd size="xs">P</Kbd>}>
              <Button size="compact-sm" variant="default" leftSection={<IconCamera size={14} />} onClick={() => photoInput.current?.click()} data-testid="add-photo">
                {t('evidenceFiles.addPhoto')}
              </Button>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
      <input ref={fileInput} type="file" multiple hidden onChange={(event) => choose(event.currentTarget, 'file')} data-testid="attach-file-input" />
      <input ref={photoInput} type="file" multiple hidden accept={PHOTO_ACCEPT} onChange={(event) => choose(event.currentTarget, 'photo')} data-testid="add-photo-input" />
      {policy && !readOnly ? (
        <Text size="xs" c="dimmed" mb={6} data-testid="photo-policy">
          <IconCamera size={12} style={{ verticalAlign: -1, marginRight: 4 }} />
          {t('evidenceFiles.policy.label')}
          {policy}
        </Text>
      ) : null}

      <UploadQueuePanel handle={ctx.handle} targetId={item.id} notice />
      {loadError ? <ErrorNotice error={loadError} /> : null}
      {files.length ? (
        <div
          ref={list}
          role="listbox"
          tabIndex={0}
          aria-label={t('evidenceFiles.listLabel')}
          aria-activedescendant={chosen ? `evidence-file-${chosen.row.id}` : undefined}
          onKeyDown={onListKey}
          data-testid="evidence-file-list"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)', outline: 'none' }}
        >
          {files.map((file) => (
            <FileRow
              key={file.row.id}
              handle={ctx.handle}
              file={file}
              chosen={file === chosen}
              readOnly={readOnly}
              onChoose={() => {
                setChosenId(file.row.id);
                list.current?.focus();
              }}
              onPreview={() => setPreviewId(file.row.id)}
              onRemove={() => void removeFile(file)}
            />
          ))}
        </div>
      ) : (
        <Text size="sm" c="dimmed" data-testid="evidence-files-empty">
          {t('evidenceFiles.empty')}
        </Text>
      )}
      {readOnly ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t('evidenceFiles.readOnly')}
        </Text>
      ) : (
        <Paper
          mt="xs"
          p="xs"
          radius="sm"
          style={{ border: '1px dashed var(--mantine-color-gray-4)', background: 'transparent' }}
          data-testid="evidence-drop-zone"
        >
          <Text size="xs" c={drop.active ? 'indigo.7' : 'dimmed'} ta="center">
            {drop.active ? t('evidenceFiles.dropActive', { title: item.title }) : t('evidenceFiles.dropHere')}
          </Text>
          {view ? (
            <Text size="xs" c="dimmed" ta="center">
              {t('evidenceFiles.limits', { file: formatBytes(view.limits.maxFileBytes), photo: formatBytes(view.limits.maxPhotoBytes) })}
            </Text>
          ) : null}
        </Paper>
      )}
      {files.length ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t('evidenceFiles.keys')}
        </Text>
      ) : null}
      {chosen ? (
        <FileDetails
          key={chosen.row.id}
          file={chosen.row}
          readOnly={readOnly}
          people={people}
          uses={uses}
          also={alsoAttachedTo(chosen.row, view?.files ?? [], titles)}
          memberName={ctx.memberName}
          onSelectReference={onSelectReference}
          language={i18n.language}
        />
      ) : null}
      <EvidencePreview handle={ctx.handle} file={previewed} onClose={() => (setPreviewId(null), list.current?.focus())} />
    </Paper>
  );
}

function kindIcon(file: EvidenceFileView): ReactNode {
  const plan = previewPlan(file);
  if (file.row.file_kind === 'screenshot') return <IconScreenshot size={20} />;
  if (file.row.file_kind === 'photo' || plan.kind === 'image' || plan.kind === 'absurd-image') return <IconPhoto size={20} />;
  if (plan.kind === 'pdf' || plan.kind === 'pdf-too-large') return <IconFileTypePdf size={20} />;
  if (plan.kind === 'text' || plan.kind === 'svg') return <IconFileText size={20} />;
  return <IconFile size={20} />;
}

/** A thumbnail from the report copy (≤ 1,600 px JPEG made at attach time), never from the original; an icon otherwise. */
function Thumbnail({ handle, file }: { handle: string; file: EvidenceFileView }) {
  const [url, setUrl] = useState<string | null>(null);
  const usable = file.present && file.reportPresent;
  useEffect(() => {
    if (!usable) return;
    const controller = new AbortController();
    let made: string | null = null;
    readEvidencePieces({ handle, fileId: file.row.id, copy: 'report', signal: controller.signal }).then(
      ({ pieces }) => {
        made = URL.createObjectURL(new Blob(pieces as BlobPart[], { type: 'image/jpeg' }));
        setUrl(made);
      },
      () => setUrl(null),
    );
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [handle, file.row.id, usable]);
  return (
    <div
      style={{
        width: 44,
        height: 44,
        flexShrink: 0,
        borderRadius: 4,
        overflow: 'hidden',
        background: 'var(--mantine-color-gray-1)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        color: 'var(--mantine-color-gray-6)',
      }}
    >
      {url ? <img src={url} alt="" data-testid="file-thumbnail" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : kindIcon(file)}
    </div>
  );
}

function FileRow({
  handle,
  file,
  chosen,
  readOnly,
  onChoose,
  onPreview,
  onRemove,
}: {
  handle: string;
  file: EvidenceFileView;
  chosen: boolean;
  readOnly: boolean;
  onChoose: () => void;
  onPreview: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { row } = file;
  const facts = [formatBytes(row.byte_size), t(`evidenceFiles.kinds.${row.file_kind}`)];
  if (row.width && row.height) facts.push(t('evidenceFiles.pixels', { width: formatNumber(row.width), height: formatNumber(row.height) }));
  return (
    <div
      id={`evidence-file-${row.id}`}
      role="option"
      aria-selected={chosen}
      onMouseDown={(event) => {
        if ((event.target as HTMLElement).closest('button')) return;
        event.preventDefault();
        onChoose();
      }}
      onDoubleClick={onPreview}
      data-testid="evidence-file"
      data-name={row.file_name}
      data-present={file.present}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: '6px 8px',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: chosen ? 'var(--mantine-color-indigo-0)' : undefined,
        boxShadow: chosen ? 'inset 3px 0 0 var(--mantine-color-indigo-5)' : undefined,
      }}
    >
      <Thumbnail handle={handle} file={file} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate="end" translate="no" title={row.file_name}>
          {row.file_name}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate="end">
            {facts.join(' · ')}
          </Text>
          {!file.present ? (
            <Badge size="xs" variant="light" color="orange" tt="none" leftSection={<IconUserShare size={10} />} data-testid="file-held-by" style={{ flexShrink: 0 }}>
              <span translate="no">{file.heldBy ? t('evidenceFiles.heldBy', { name: file.heldBy }) : t('evidenceFiles.heldByUnknown')}</span>
            </Badge>
          ) : null}
        </Group>
        {row.caption ? (
          <Text size="xs" truncate="end" translate="no">
            {row.caption}
          </Text>
        ) : null}
      </div>
      <Tooltip label={t('evidenceFiles.preview', { name: row.file_name })}>
        <ActionIcon variant="subtle" tabIndex={-1} onClick={onPreview} aria-label={t('evidenceFiles.preview', { name: row.file_name })} data-testid="file-preview-button">
          <IconEye size={16} />
        </ActionIcon>
      </Tooltip>
      {!readOnly ? (
        <Tooltip label={t('evidenceFiles.remove', { name: row.file_name })}>
          <ActionIcon variant="subtle" color="red" tabIndex={-1} onClick={onRemove} aria-label={t('evidenceFiles.remove', { name: row.file_name })} data-testid="file-remove">
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </div>
  );
}

/** A latitude or longitude typed as text: saved when it is a number in range (or empty), otherwise said. */
function DegreesField({ file, field, label, readOnly }: { file: EvidenceFileRow; field: 'capture_latitude' | 'capture_longitude'; label: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const edit = useEvidenceFiles((s) => s.edit);
  const [text, setText] = useState(file[field] === null ? '' : String(file[field]));
  const axis = field === 'capture_latitude' ? 'latitude' : 'longitude';
  const parsed = parseDegrees(text, axis);
  return (
    <TextInput
      label={label}
      value={text}
      inputMode="decimal"
      readOnly={readOnly}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        const next = parseDegrees(value, axis);
        if (next !== undefined) edit(file.id, { [field]: next });
      }}
      onBlur={flush}
      error={parsed === undefined ? t(axis === 'latitude' ? 'evidenceFiles.details.badLatitude' : 'evidenceFiles.details.badLongitude') : null}
      data-testid={`file-${axis}`}
    />
  );
}

/** The chosen file's own fields (photo fields for photos), what the policy did, and where it is used. */
function FileDetails({
  file,
  readOnly,
  people,
  uses,
  also,
  memberName,
  onSelectReference,
  language,
}: {
  file: EvidenceFileRow;
  readOnly: boolean;
  people: readonly string[];
  uses: readonly EvidenceUse[];
  also: readonly { id: string; title: string }[];
  memberName: (id: string) => string;
  onSelectReference?: (id: string) => void;
  language: string;
}) {
  const { t } = useTranslation();
  const edit = useEvidenceFiles((s) => s.edit);
  const last = useEvidenceFiles((s) => s.lastPermittedBy);
  const remember = useEvidenceFiles((s) => s.rememberPermittedBy);
  const photo = file.file_kind === 'photo';
  const captured = splitCapturedAt(file.captured_at);
  const counts = USE_GROUPS.map((group) => [group, uses.filter((use) => use.kind === group).length] as const).filter(([, count]) => count > 0);
  const usesList = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(counts.map(([group, count]) => t(`evidence.uses.${group}`, { count })));
  return (
    <Stack gap="xs" mt="sm" data-testid="file-details" data-file={file.file_name}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={600} tt="uppercase" c="dimmed">
          {t('evidenceFiles.details.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`evidenceFiles.details.policyApplied.${file.metadata_policy}`)}
          {file.team_member_id ? ` · ${t('evidenceFiles.details.attachedBy', { name: memberName(file.team_member_id) })}` : ''}
        </Text>
      </Group>
      {photo ? (
        <>
          <TextInput
            type="datetime-local"
            step={1}
            label={t('evidenceFiles.details.capturedAt')}
            description={captured.offset ? t('evidenceFiles.details.offset', { offset: captured.offset === 'Z' ? '+00:00' : captured.offset }) : t('evidenceFiles.details.capturedAtHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={captured.local}
            readOnly={readOnly}
            onChange={(event) => edit(file.id, { captured_at: joinCapturedAt(event.currentTarget.value, captured.offset) })}
            onBlur={flush}
            data-testid="file-captured-at"
          />
          <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
            <DegreesField file={file} field="capture_latitude" label={t('evidenceFiles.details.latitude')} readOnly={readOnly} />
            <DegreesField file={file} field="capture_longitude" label={t('evidenceFiles.details.longitude')} readOnly={readOnly} />
          </SimpleGrid>
          {!readOnly ? (
            <Text size="xs" c="dimmed" mt={-4}>
              {t('evidenceFiles.details.degreesHint')}
            </Text>
          ) : null}
          <Autocomplete
            label={t('evidenceFiles.details.permittedBy')}
            description={t('evidenceFiles.details.permittedByHint')}
            data={[...new Set([last, ...people].filter(Boolean))]}
            value={file.photography_permitted_by}
            maxLength={300}
            readOnly={readOnly}
            onChange={(value) => edit(file.id, { photography_permitted_by: value })}
            onBlur={() => {
              remember(file.photography_permitted_by);
              flush();
            }}
            renderOption={({ option }) => <span translate="no">{option.value}</span>}
            data-testid="file-permitted-by"
          />
        </>
      ) : null}
      <Textarea
        label={t('evidenceFiles.details.caption')}
        placeholder={t('evidenceFiles.details.captionPlaceholder')}
        value={file.caption}
        maxLength={1000}
        autosize
        minRows={1}
        maxRows={4}
        readOnly={readOnly}
        onChange={(event) => edit(file.id, { caption: event.currentTarget.value })}
        onBlur={flush}
        data-testid="file-caption"
      />
      <div data-testid="file-uses">
        <Text size="xs" fw={600} c="dimmed">
          {t('evidenceFiles.details.uses')}
        </Text>
        <Text size="sm">{counts.length ? t('evidenceFiles.details.usesThroughReference', { list: usesList }) : t('evidenceFiles.details.usesNone')}</Text>
        {also.length ? (
          <Text size="sm" data-testid="file-also-attached">
            <span title={t('evidenceFiles.details.alsoAttachedHint')}>{t('evidenceFiles.details.alsoAttached')}: </span>
            {also.map((reference, index) => (
              <span key={reference.id} translate="no">
                {index ? ', ' : ''}
                {onSelectReference ? (
                  <Anchor component="button" type="button" size="sm" style={{ display: 'inline', verticalAlign: 'baseline' }} onClick={() => onSelectReference(reference.id)}>
                    “{reference.title}”
                  </Anchor>
                ) : (
                  `“${reference.title}”`
                )}
              </span>
            ))}
          </Text>
        ) : null}
      </div>
    </Stack>
  );
}
