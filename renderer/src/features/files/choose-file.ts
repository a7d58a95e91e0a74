import { invoke } from '../../contract/client.ts';
import type { FileKind } from './FilePickerModal.tsx';

/** Desktop: the system dialog chooses; returns null when cancelled. (Browsers use FilePickerModal.) */
export async function chooseNative(mode: 'open' | 'save', kind: FileKind, suggestedName?: string): Promise<string | null> {
  const { file } = await invoke('dialog:pickFile', { mode, kind, ...(suggestedName ? { suggestedName } : {}) });
  return file;
}
