import { Box, Button, Group, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form holding the pad can ask of it. */
export interface SignaturePadHandle {
  /** The drawing cropped to its strokes (with a small margin) as a PNG data URL; null when nothing was drawn. */
  toDataUrl(): string | null;
  isEmpty(): boolean;
  clear(): void;
}

const INK = '#14213d';
const MARGIN = 8;
/** The widest image kept: a signature line on an A4 form is narrower; a 4K pen display's strokes are scaled down to it. */
const MAX_WIDTH = 1000;

/**
 * A signature drawn on screen with a mouse, a pen or a finger (pointer events; pen pressure makes the
 * stroke thicker). The canvas is sized for the screen's pixel density, so a signature is sharp on
 * a high-density display; the exported PNG is trimmed to the strokes and transparent, so it sits on
 * a document's signature line. Clear starts again.
 */
export function SignaturePad({ ref, label, height = 180, disabled = false, onDrawnChange, testId = 'signature-pad' }: { ref?: Ref<SignaturePadHandle>; label: string; height?: number; disabled?: boolean; onDrawnChange?: (drawn: boolean) => void; testId?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const drawnRef = useRef(false);

  const markDrawn = (value: boolean) => {
    if (drawnRef.current === value) return;
    drawnRef.current = value;
    setDrawn(value);
    onDrawnChange?.(value);
  };

  // Sized to the element and the pixel ratio; a resize keeps nothing (a signature is drawn in one go).
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const size = () => {
      const ratio = window.devicePixelRatio || 1;
      const { width } = element.getBoundingClientRect();
      if (Math.round(width * ratio) === element.width) return;
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
      const context = element.getContext('2d');
      context?.setTransform(ratio, 0, 0, ratio, 0, 0);
      markDrawn(false);
    };
    size();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(size);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [height]);

  const clear = () => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (element && context) {
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, element.width, element.height);
      context.restore();
    }
    markDrawn(false);
  };

  useImperativeHandle(ref, () => ({ toDataUrl: () => (drawnRef.current && canvas.current ? trimmedPng(canvas.current) : null), isEmpty: () => !drawnRef.current, clear }), []);

  const point = (event: PointerEvent | React.PointerEvent) => {
    const rect = canvas.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }, pressure: number, pointerType: string) => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.strokeStyle = INK;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    // A pen reports pressure; a mouse reports 0.5 while pressed: a steady line.
    context.lineWidth = pointerType === 'pen' ? 1 + 3 * (pressure || 0.5) : 2.2;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  };

  return (
    <Box data-testid={testId} data-drawn={drawn}>
      <Box
        style={{
          position: 'relative',
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-sm)',
          background: disabled ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-white)',
        }}
      >
        <canvas
          ref={canvas}
          role="img"
          aria-label={label}
          data-testid={`${testId}-canvas`}
          style={{ display: 'block', width: '100%', height, touchAction: 'none', cursor: disabled ? 'not-allowed' : 'crosshair' }}
          onPointerDown={(event) => {
            if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
            event.preventDefault();
            event.currentTarget.setPointerCapture?.(event.pointerId);
            const at = point(event);
            last.current = at;
            // A dot for a tap: a signature's i-dot counts.
            stroke(at, { x: at.x + 0.1, y: at.y + 0.1 }, event.pressure, event.pointerType);
            markDrawn(true);
          }}
          onPointerMove={(event) => {
            if (!last.current || disabled) return;
            const events = typeof event.nativeEvent.getCoalescedEvents === 'function' ? event.nativeEvent.getCoalescedEvents() : [];
            for (const each of events.length ? events : [event.nativeEvent]) {
              const at = point(each);
              stroke(last.current, at, each.pressure, event.pointerType);
              last.current = at;
            }
          }}
          onPointerUp={() => {
            last.current = null;
          }}
          onPointerCancel={() => {
            last.current = null;
          }}
        />
        {!drawn ? (
          <Text size="sm" c="dimmed" style={{ position: 'absolute', left: 12, bottom: 10, pointerEvents: 'none' }}>
            {t('closing.pad.hint')}
          </Text>
        ) : null}
        <div style={{ position: 'absolute', left: 12, right: 12, bottom: 34, borderBottom: '1px dashed var(--mantine-color-gray-4)', pointerEvents: 'none' }} />
      </Box>
      <Group justify="flex-end" mt={4}>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconEraser size={14} />} onClick={clear} disabled={!drawn || disabled} data-testid={`${testId}-clear`}>
          {t('closing.pad.clear')}
        </Button>
      </Group>
    </Box>
  );
}

/** The canvas cropped to what was drawn (non-transparent pixels) plus a margin, as a PNG data URL. */
export function trimmedPng(source: HTMLCanvasElement): string | null {
  const context = source.getContext('2d');
  if (!context || !source.width || !source.height) return null;
  const { data, width, height } = context.getImageData(0, 0, source.width, source.height);
  let top = height;
  let left = width;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (data[row + x * 4 + 3]! === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  if (right < 0) return null;
  const x0 = Math.max(0, left - MARGIN);
  const y0 = Math.max(0, top - MARGIN);
  const w = Math.min(width, right + MARGIN + 1) - x0;
  const h = Math.min(height, bottom + MARGIN + 1) - y0;
  const scale = Math.min(1, MAX_WIDTH / w);
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(w * scale));
  out.height = Math.max(1, Math.round(h * scale));
  out.getContext('2d')!.drawImage(source, x0, y0, w, h, 0, 0, out.width, out.height);
  return out.toDataURL('image/png');
}
