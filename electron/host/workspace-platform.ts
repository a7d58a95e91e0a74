import fs from 'node:fs';
import path from 'node:path';
import { Downloads } from './downloads.ts';
import { RequestError } from '../../shared/contract/result.ts';
import type { WorkspaceFileView } from '../../shared/contract/views.ts';
import { hasKind, withKindExtension } from '../platform/file-kinds.ts';
import type { FileKind, FilePurpose, Platform } from '../platform/platform.ts';

export interface WorkspaceOptions {
  readonly workspaceDir: string;
  readonly appDataDir: string;
  /** Test mode: absolute paths are accepted too (the e2e tests open corpus files where they lie). */
  readonly allowAbsolutePaths?: boolean;
  /** Test mode: a demo file built once by the suite, copied when a test opens the demo. */
  readonly demoTemplate?: string | null;
}

/** Names a user may type: no folders, no parent references, nothing hidden, no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const SAFE_NAME = /^(?!\.)[^/\\\u0000-\u001f:*?"<>|]{1,200}$/;

/**
 * The browser host's platform: files are names inside one workspace folder. Every name is
 * realpath-checked, so a symlink cannot lead outside the workspace.
 */
export class WorkspacePlatform implements Platform {
  readonly kind = 'web' as const;
  readonly fileAccess = 'workspace' as const;
  readonly appDataDir: string;
  private readonly workspace: string;
  readonly downloads = new Downloads();

  constructor(private readonly options: WorkspaceOptions) {
    fs.mkdirSync(options.workspaceDir, { recursive: true });
    this.workspace = fs.realpathSync(options.workspaceDir);
    this.appDataDir = options.appDataDir;
  }

  private outside(ref: string): RequestError {
    return new RequestError('PATH_OUTSIDE_WORKSPACE', `${ref} is not a file name inside the workspace`, { file: ref.slice(0, 300) });
  }

  private inside(candidate: string): boolean {
    const relative = path.relative(this.workspace, candidate);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  resolveFile(ref: string, purpose: FilePurpose, kind: FileKind = 'engagement'): string {
    if (this.options.allowAbsolutePaths && path.isAbsolute(ref)) return ref;
    if (!SAFE_NAME.test(ref) || ref.trim() !== ref || ref === '..') throw this.outside(ref);
    const name = purpose === 'open' ? ref : withKindExtension(ref, kind);
    const candidate = path.join(this.workspace, name);
    if (fs.existsSync(candidate)) {
      // A symlink inside the workspace may point anywhere: judge where it really leads.
      if (!this.inside(fs.realpathSync(candidate))) throw this.outside(ref);
    } else if (fs.lstatSync(candidate, { throwIfNoEntry: false })) {
      throw this.outside(ref); // a dangling symlink
    }
    return candidate;
  }

  displayFile(absolutePath: string): string {
    const resolved = path.resolve(absolutePath);
    const relative = path.relative(this.workspace, resolved);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
    return this.options.allowAbsolutePaths ? resolved : path.basename(resolved);
  }

  listFiles(kind: FileKind = 'engagement'): WorkspaceFileView[] {
    return fs
      .readdirSync(this.workspace, { withFileTypes: true })
      .filter((entry) => hasKind(entry.name, kind) && !entry.name.startsWith('.'))
      .map((entry) => {
        const stat = fs.statSync(path.join(this.workspace, entry.name), { throwIfNoEntry: false });
        return stat ? { name: entry.name, size: stat.isFile() ? stat.size : 0, modifiedAt: stat.mtime.toISOString() } : null;
      })
      .filter((entry): entry is WorkspaceFileView => entry !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  pickFile(): Promise<string | null> {
    return Promise.reject(new RequestError('NOT_SUPPORTED', 'The browser host uses the in-page file picker'));
  }

  /** A browser page shows its engagement itself. */
  showEngagementWindow(): boolean {
    return false;
  }

  /** Another tab cannot be brought to the front from here. */
  focusOwner(): boolean {
    return false;
  }

  /** A browser page has no application menu. */
  setMenuLabels(): boolean {
    return false;
  }

  /** The browser host has no system keychain: signing keys live in a passphrase-protected key file. */
  keyProtection(): null {
    return null;
  }

  /** Exported documents are saved into the workspace and offered once through a short-lived link. */
  offerDownload(file: string): string {
    return this.downloads.offer(file);
  }

  demoFile(): string {
    return path.join(this.workspace, 'Demo - Kestrel Data Services.iso20k');
  }

  demoTemplate(): string | null {
    return this.options.allowAbsolutePaths ? (this.options.demoTemplate ?? null) : null;
  }
}
