import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../platform/durable-write.ts';
import type { WindowBounds } from './window-options.ts';

export interface DisplayArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Saved bounds are reused only if the window would still be reachable: a laptop that was docked to
 * a second screen yesterday must not open today's window off-screen.
 */
export function visibleBounds(saved: WindowBounds | undefined, displays: readonly DisplayArea[], fallback: WindowBounds): WindowBounds {
  if (!saved || saved.width < 400 || saved.height < 300) return fallback;
  if (saved.x === undefined || saved.y === undefined) return { width: saved.width, height: saved.height };
  const { x, y } = saved;
  const onScreen = displays.some(
    (d) => x + 100 > d.x && x + 100 < d.x + d.width && y + 20 >= d.y && y + 20 < d.y + d.height,
  );
  return onScreen ? saved : { width: saved.width, height: saved.height };
}

/** Window bounds per engagement id (and 'home'), in a small JSON file in the app-data folder. */
export class WindowStateFile {
  private state: Record<string, WindowBounds> = {};

  constructor(private readonly file: string) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') this.state = parsed as Record<string, WindowBounds>;
    } catch {
      this.state = {}; // missing or damaged: windows simply open at their default size
    }
  }

  get(key: string): WindowBounds | undefined {
    const bounds = this.state[key];
    return bounds && [bounds.width, bounds.height].every((n) => Number.isFinite(n)) ? bounds : undefined;
  }

  set(key: string, bounds: WindowBounds): void {
    this.state[key] = bounds;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileDurably(this.file, JSON.stringify(this.state));
  }
}
