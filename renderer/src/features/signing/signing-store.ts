import { create } from 'zustand';
import type { SigningStatusView } from '../../../../shared/contract/signing-views.ts';
import { invoke } from '../../contract/client.ts';

interface SigningState {
  /** The installation's signing certificate and how a new key would be kept; null until read. */
  readonly status: SigningStatusView | null;
  readonly error: unknown;
  load(): Promise<void>;
  setStatus(status: SigningStatusView): void;
}

/**
 * The signing certificate, shared by the card that manages it, the report's export (which signs with
 * it) and the verification (which countersigns with it): one read, every screen updated on a change.
 */
export const useSigningStore = create<SigningState>((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await invoke('signing:status', {}), error: null });
    } catch (failure) {
      set({ error: failure });
    }
  },
  setStatus(status) {
    set({ status, error: null });
  },
}));

/** The fingerprint as a short mark ("AB:CD:EF:12"), the whole of it shown where it is compared. */
export const shortFingerprint = (fingerprint: string): string => fingerprint.slice(0, 11);

/** A file reference's name without folder and extension, for a suggested name ("Kestrel report rev 2"). */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
