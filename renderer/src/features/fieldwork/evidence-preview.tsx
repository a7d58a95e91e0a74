import { ActionIcon, Alert, Badge, Button, Code, Group, Loader, Modal, Progress, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileView } from '../../../../shared/contract/evidence-channels.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { ContractFailure, TransportFailure } from '../../contract/client.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { decodeTextStart, MAX_PDF_PREVIEW_BYTES, previewPlan, TEXT_PREVIEW_BYTES } from './evidence-file-facts.ts';
import type { PdfDocument } from './evidence-pdf.ts';
import { joinPieces, ReadCancelled, readEvidencePieces } from './evidence-read.ts';

type Progress = { done: number; total: number } | null;

/**
 * A file's preview (Space or Enter on a file; Esc closes). Images through blob: URLs (the report
 * copy when there is one, the original on "Full size"), revoked on close; a PDF drawn page by page
 * to a canvas by the bundled pdf.js (← → turn pages, fit width); text as its first 256 KB in UTF-8;
 * an SVG as its source only; never an image whose header declares an absurd size.
 */
export function EvidencePreview({ handle, file, onClose }: { handle: string; file: EvidenceFileView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={file !== null}
      onClose={onClose}
      size="min(1100px, 94vw)"
      title={
        file ? (
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate="end" translate="no" maw={640}>
              {file.row.file_name}
            </Text>
            <Badge size="sm" variant="light" color="gray" tt="none">
              {formatBytes(file.row.byte_size)}
            </Badge>
          </Group>
        ) : (
          t('evidenceFiles.previewer.title')
        )
      }
      data-testid="file-preview"
    >
      {file ? <PreviewBody key={file.row.id} handle={handle} file={file} /> : null}
    </Modal>
  );
}

function PreviewBody({ handle, file }: { handle: string; file: EvidenceFileView }) {
  const { t } = useTranslation();
  const plan = previewPlan(file);
  const { row } = file;
  switch (plan.kind) {
    case 'absent':
      return (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="preview-absent">
          {plan.heldBy ? t('evidenceFiles.previewer.absent', { name: plan.heldBy }) : t('evidenceFiles.previewer.absentUnknown')}
        </Alert>
      );
    case 'absurd-image':
      return (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} data-testid="preview-absurd">
          {plan.width !== null && plan.height !== null
            ? t('evidenceFiles.previewer.absurd', { width: formatNumber(plan.width), height: formatNumber(plan.height) })
            : t('evidenceFiles.previewer.sizeUnknown')}
        </Alert>
      );
    case 'pdf-too-large':
      return (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="preview-none">
          {t('evidenceFiles.previewer.pdfTooLarge', { size: formatBytes(row.byte_size), limit: formatBytes(MAX_PDF_PREVIEW_BYTES) })}
        </Alert>
      );
    case 'none':
      return (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="preview-none">
          {t('evidenceFiles.previewer.noPreview', { size: formatBytes(row.byte_size) })}
        </Alert>
      );
    case 'image':
      return <ImagePreview handle={handle} file={file} reportCopy={plan.reportCopy} fullSize={plan.fullSize} />;
    case 'pdf':
      return <PdfPreview handle={handle} file={file} />;
    case 'text':
    case 'svg':
      return <TextPreview handle={handle} file={file} svg={plan.kind === 'svg'} />;
  }
}

function Reading({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="xl" data-testid="preview-loading">
      <Loader size="sm" />
      {progress && progress.total > 0 ? (
        <>
          <Text size="sm" c="dimmed">
            {t('evidenceFiles.previewer.loading', { done: formatBytes(progress.done), total: formatBytes(progress.total) })}
          </Text>
          <Progress value={(100 * progress.done) / progress.total} w={240} size="sm" />
        </>
      ) : null}
    </Stack>
  );
}

/** An image from the stored bytes: a blob: URL made once per copy shown and revoked when it goes. */
function ImagePreview({ handle, file, reportCopy, fullSize }: { handle: string; file: EvidenceFileView; reportCopy: boolean; fullSize: boolean }) {
  const { t } = useTranslation();
  const [full, setFull] = useState(!reportCopy);
  const [url, setUrl] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<unknown>(null);
  const [broken, setBroken] = useState(false);
  const copy = full ? 'original' : 'report';

  useEffect(() => {
    const controller = new AbortController();
    let made: string | null = null;
    setUrl(null);
    setError(null);
    setBroken(false);
    readEvidencePieces({ handle, fileId: file.row.id, copy, signal: controller.signal, onProgress: (done, total) => setProgress({ done, total }) }).then(
      ({ pieces }) => {
        made = URL.createObjectURL(new Blob(pieces as BlobPart[], { type: copy === 'report' ? 'image/jpeg' : file.row.media_type }));
        setUrl(made);
      },
      (failure: unknown) => {
        if (!(failure instanceof ReadCancelled)) setError(failure);
      },
    );
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [handle, file.row.id, file.row.media_type, copy]);

  return (
    <Stack gap="sm">
      {reportCopy ? (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {full ? t('evidenceFiles.pixels', { width: formatNumber(file.row.width ?? 0), height: formatNumber(file.row.height ?? 0) }) : t('evidenceFiles.previewer.reportCopyNote')}
          </Text>
          {fullSize ? (
            <Button size="compact-sm" variant="default" onClick={() => setFull((value) => !value)} data-testid="preview-full-size">
              {full ? t('evidenceFiles.previewer.reportCopy') : t('evidenceFiles.previewer.fullSize')}
            </Button>
          ) : (
            <Text size="xs" c="orange.8" data-testid="preview-original-too-large">
              {t('evidenceFiles.previewer.originalTooLarge', { width: formatNumber(file.row.width ?? 0), height: formatNumber(file.row.height ?? 0) })}
            </Text>
          )}
        </Group>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {broken ? <Alert color="orange" variant="light">{t('evidenceFiles.previewer.imageFailed')}</Alert> : null}
      {!url && !error ? <Reading progress={progress} /> : null}
      {url && !broken ? (
        <ScrollArea.Autosize mah="72vh" type="auto">
          <img
            src={url}
            alt={file.row.caption || file.row.file_name}
            onError={() => setBroken(true)}
            data-testid="preview-image"
            style={{ display: 'block', margin: '0 auto', maxWidth: full ? 'none' : '100%', height: 'auto', imageOrientation: 'from-image' }}
          />
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}

/** A PDF drawn to a canvas, one page at a time, fit to the width of the dialog. */
function PdfPreview({ handle, file }: { handle: string; file: EvidenceFileView }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState(0);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const box = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let opened: PdfDocument | null = null;
    void (async () => {
      try {
        const [{ pieces, read }, pdf] = await Promise.all([
          readEvidencePieces({ handle, fileId: file.row.id, copy: 'original', signal: controller.signal, onProgress: (done, total) => setProgress({ done, total }) }),
          import('./evidence-pdf.ts'),
        ]);
        if (controller.signal.aborted) return;
        opened = await pdf.openPdf(joinPieces(pieces, read));
        if (controller.signal.aborted) void opened.close();
        else setDoc(opened);
      } catch (failure) {
        if (failure instanceof ReadCancelled || controller.signal.aborted) return;
        if (failure instanceof ContractFailure || failure instanceof TransportFailure) setError(failure);
        else setFailed(true);
      }
    })();
    return () => {
      controller.abort();
      void opened?.close();
    };
  }, [handle, file.row.id]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let draw: { done: Promise<void>; cancel: () => void } | null = null;
    void import('./evidence-pdf.ts').then((pdf) => {
      if (!canvas.current) return;
      draw = pdf.drawPage(doc, page, canvas.current, (box.current?.clientWidth ?? 800) - 2);
      draw.done.then(
        () => setDrawn(page),
        () => setFailed(true),
      );
    });
    return () => draw?.cancel();
  }, [doc, page]);

  const pages = doc?.doc.numPages ?? 0;
  const turn = (by: number) => setPage((current) => Math.min(Math.max(current + by, 1), Math.max(pages, 1)));
  // Anywhere in the dialog (the focus starts on its close button): ← → and Page Up / Down turn pages.
  useGuardedHotkeys([
    ['ArrowRight', () => turn(1)],
    ['PageDown', () => turn(1)],
    ['ArrowLeft', () => turn(-1)],
    ['PageUp', () => turn(-1)],
  ]);

  if (error) return <ErrorNotice error={error} />;
  if (failed) return <Alert color="orange" variant="light">{t('evidenceFiles.previewer.pdfFailed')}</Alert>;
  return (
    <Stack gap="xs">
      {doc ? (
        <Group justify="space-between">
          <Group gap={4}>
            <Tooltip label={t('evidenceFiles.previewer.previous')}>
              <ActionIcon variant="default" onClick={() => turn(-1)} disabled={page <= 1} aria-label={t('evidenceFiles.previewer.previous')}>
                <IconArrowLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <Text size="sm" px="xs" data-testid="pdf-page" data-page={page} data-pages={pages} data-drawn={drawn}>
              {t('evidenceFiles.previewer.page', { page: formatNumber(page), pages: formatNumber(pages) })}
            </Text>
            <Tooltip label={t('evidenceFiles.previewer.next')}>
              <ActionIcon variant="default" onClick={() => turn(1)} disabled={page >= pages} aria-label={t('evidenceFiles.previewer.next')} data-autofocus>
                <IconArrowRight size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Text size="xs" c="dimmed">
            {t('evidenceFiles.previewer.pageKeys')}
          </Text>
        </Group>
      ) : (
        <Reading progress={progress} />
      )}
      <ScrollArea.Autosize mah="72vh" type="auto" viewportRef={box}>
        <canvas ref={canvas} data-testid="pdf-canvas" style={{ display: doc ? 'block' : 'none', border: '1px solid var(--mantine-color-gray-3)', background: 'white' }} />
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** Text (and an SVG's source): the first 256 KB as UTF-8, monospace, saying how much of the file that is. */
function TextPreview({ handle, file, svg }: { handle: string; file: EvidenceFileView; svg: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState<{ body: string; read: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    readEvidencePieces({ handle, fileId: file.row.id, copy: 'original', limit: TEXT_PREVIEW_BYTES, signal: controller.signal }).then(
      ({ pieces, read, total }) => setText({ body: decodeTextStart(joinPieces(pieces, read), read >= total), read, total }),
      (failure: unknown) => {
        if (!(failure instanceof ReadCancelled)) setError(failure);
      },
    );
    return () => controller.abort();
  }, [handle, file.row.id]);

  if (error) return <ErrorNotice error={error} />;
  if (!text) return <Reading progress={null} />;
  return (
    <Stack gap="xs">
      {svg ? (
        <Alert color="indigo" variant="light" icon={<IconInfoCircle size={18} />} data-testid="preview-svg-note">
          {t('evidenceFiles.previewer.svg')}
        </Alert>
      ) : null}
      {text.read < text.total ? (
        <Text size="xs" c="dimmed" data-testid="preview-truncated">
          {t('evidenceFiles.previewer.textTruncated', { shown: formatBytes(text.read), total: formatBytes(text.total) })}
        </Text>
      ) : null}
      <ScrollArea.Autosize mah="70vh" type="auto">
        <Code block translate="no" data-testid="preview-text" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}>
          {text.body}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}
