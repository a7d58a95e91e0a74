import type { MenuLabels, WorkspaceFileView } from '../../shared/contract/views.ts';

/** open: must exist; create: must not exist; save: may exist (it is replaced atomically). */
export type FilePurpose = 'open' | 'create' | 'save';
/** engagement: .iso20k files; package: return packages; import: either (what a lead imports); checklist: pack files. */
export type { FileKind } from '../../shared/file-kinds.ts';
import type { FileKind } from '../../shared/file-kinds.ts';

/**
 * What differs between the Electron app and the browser host. Services and handlers use only this;
 * electron/app and electron/host each implement it.
 */
export interface Platform {
  readonly kind: 'web' | 'electron';
  /** 'workspace': files are names inside one folder (in-page picker); 'native': OS dialogs. */
  readonly fileAccess: 'workspace' | 'native';
  readonly appDataDir: string;
  /** Turns a file reference from the renderer into an absolute path, or throws PATH_OUTSIDE_WORKSPACE. */
  resolveFile(ref: string, purpose: FilePurpose, kind?: FileKind): string;
  /** How an absolute path is shown to the user (and sent back as a reference). */
  displayFile(absolutePath: string): string;
  /** The engagement files the user can pick from (workspace hosts); native hosts throw NOT_SUPPORTED. */
  listFiles(kind?: FileKind): WorkspaceFileView[];
  /** Where the demo engagement file lives. */
  demoFile(): string;
  /**
   * A demo file made earlier to copy instead of building the demo again (the end-to-end suite builds it
   * once for its hundred hosts); null or absent everywhere else.
   */
  demoTemplate?(): string | null;
  /** A native file dialog (desktop); workspace hosts throw NOT_SUPPORTED (they use the in-page picker). */
  pickFile(owner: string, mode: 'open' | 'save', suggestedName?: string, kind?: FileKind): Promise<string | null>;
  /** Shows an engagement in a window of its own (desktop: moves the lease there); false: the caller shows it. */
  showEngagementWindow(owner: string, handle: string): Promise<boolean> | boolean;
  /** Brings another caller's window to the front (the same file opened twice); false if it cannot. */
  focusOwner(owner: string): boolean;
  /**
   * A file just written for the user (an exported document), offered for download: the browser
   * host returns a short-lived, single-use URL (a plain link carries no token); the desktop app,
   * which saved it where the user chose, returns null.
   */
  offerDownload(file: string): string | null;
  /** Relabels the application menu in the interface language; false where there is no menu (browser). */
  setMenuLabels(labels: MenuLabels): boolean;
  /**
   * The operating system's protection for a signing key (Electron safeStorage), or null where there is
   * none that protects: the browser host, and Linux when safeStorage would store in plain text. Then
   * the key lives in a passphrase-protected key file (issue 19).
   */
  keyProtection(): OsKeyProtection | null;
}

/** Seals a secret so only this user on this machine can open it (the desktop's keychain, DPAPI, libsecret). */
export interface OsKeyProtection {
  /** The system's name for it, shown to the user ("macOS Keychain", "Windows DPAPI", "gnome_libsecret"…). */
  readonly name: string;
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}
