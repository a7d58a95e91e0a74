import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One temp folder for the whole run (the large engagement, its copies, app-data folders), removed
 * at the end even when a step fails or the run is interrupted: a left-over 500 MB file in /tmp hurts.
 */
export class BenchFolder {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-bench-'));
  private removed = false;

  constructor() {
    const onSignal = (signal: NodeJS.Signals): void => {
      this.remove();
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', () => this.remove());
  }

  /** A fresh sub-folder (an app-data folder, a copy destination). */
  sub(name: string): string {
    return fs.mkdtempSync(path.join(this.root, `${name}-`));
  }

  file(name: string): string {
    return path.join(this.root, name);
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
