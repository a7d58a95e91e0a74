import fs from 'node:fs';
import path from 'node:path';
import { RequestError } from '../../shared/contract/result.ts';
import type { MenuLabels, WorkspaceFileView } from '../../shared/contract/views.ts';
import { extensionsOf, hasKind, withKindExtension } from '../platform/file-kinds.ts';
import type { FileKind, FilePurpose, OsKeyProtection, Platform } from '../platform/platform.ts';

/** What the desktop shell does with windows and native dialogs, injected so this stays testable. */
export interface DesktopShell {
  pickFileToOpen(owner: string, extensions: string[]): Promise<string | null>;
  pickFileToSave(owner: string, suggestedName: string, extensions: string[]): Promise<string | null>;
  /** Opens (or focuses) a window for an engagement and moves its lease there; false if none. */
  showEngagementWindow(owner: string, handle: string): Promise<boolean>;
  /** Brings the window of `owner` to the front; false if it does not exist. */
  focusOwner(owner: string): boolean;
  /** Rebuilds the application menu with these labels. */
  setMenuLabels(labels: MenuLabels): void;
  /** safeStorage where it really protects (never its plain-text fallback on Linux), else null. */
  keyProtection(): OsKeyProtection | null;
}

/**
 * The Electron platform: files are full paths. Opening accepts any existing .iso20k file (dialogs,
 * drag and drop, the command line and the recent list all name one; main re-checks it here);
 * creating or writing needs a path the user chose in a save dialog of this app.
 */
export class ElectronPlatform implements Platform {
  readonly kind = 'electron' as const;
  readonly fileAccess = 'native' as const;
  private readonly writable = new Set<string>();

  constructor(
    readonly appDataDir: string,
    private readonly shell: DesktopShell,
  ) {}

  private refuse(ref: string): RequestError {
    return new RequestError('PATH_OUTSIDE_WORKSPACE', `${ref} was not chosen in a dialog of this app`, { file: ref.slice(0, 300) });
  }

  /** A path the user chose in a save dialog: it may be created or replaced. */
  grantWrite(file: string): void {
    this.writable.add(path.resolve(file));
  }

  resolveFile(ref: string, purpose: FilePurpose, kind: FileKind = 'engagement'): string {
    if (!path.isAbsolute(ref) || ref.includes('\0')) throw this.refuse(ref);
    const resolved = path.resolve(ref);
    if (purpose === 'open') {
      if (!hasKind(resolved, kind)) throw this.refuse(ref);
      return resolved;
    }
    if (!this.writable.has(resolved)) throw this.refuse(ref);
    return resolved;
  }

  displayFile(absolutePath: string): string {
    return path.resolve(absolutePath);
  }

  listFiles(): WorkspaceFileView[] {
    throw new RequestError('NOT_SUPPORTED', 'The desktop app uses the system file dialogs');
  }

  demoFile(): string {
    const folder = path.join(this.appDataDir, 'demo');
    fs.mkdirSync(folder, { recursive: true });
    return path.join(folder, 'Demo - Kestrel Data Services.iso20k');
  }

  async pickFile(owner: string, mode: 'open' | 'save', suggestedName = '', kind: FileKind = 'engagement'): Promise<string | null> {
    if (mode === 'open') return this.shell.pickFileToOpen(owner, extensionsOf(kind));
    const chosen = await this.shell.pickFileToSave(owner, suggestedName, extensionsOf(kind));
    if (!chosen) return null;
    const file = withKindExtension(chosen, kind);
    this.grantWrite(file);
    return file;
  }

  showEngagementWindow(owner: string, handle: string): Promise<boolean> {
    return this.shell.showEngagementWindow(owner, handle);
  }

  /** The user chose where the file went in the Save dialog: nothing to download. */
  offerDownload(): null {
    return null;
  }

  setMenuLabels(labels: MenuLabels): boolean {
    this.shell.setMenuLabels(labels);
    return true;
  }

  keyProtection(): OsKeyProtection | null {
    return this.shell.keyProtection();
  }

  focusOwner(owner: string): boolean {
    return this.shell.focusOwner(owner);
  }
}
