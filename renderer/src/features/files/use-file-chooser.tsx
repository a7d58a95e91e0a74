import { useCallback, useRef, useState, type ReactElement } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { chooseNative } from './choose-file.ts';
import { FilePickerModal, type FileKind } from './FilePickerModal.tsx';

interface Request {
  readonly mode: 'open' | 'save';
  readonly kind: FileKind;
  readonly suggestedName: string;
  readonly title?: string;
}

/**
 * choose(): the system dialog on the desktop, the in-page workspace picker in the browser; resolves
 * with the file reference, or null when the user cancels. Render `picker` once in the component.
 */
export function useFileChooser(): { choose: (request: Request) => Promise<string | null>; picker: ReactElement } {
  const native = useAppStore((s) => s.info?.fileAccess === 'native');
  const [request, setRequest] = useState<Request | null>(null);
  const resolver = useRef<((file: string | null) => void) | null>(null);

  const choose = useCallback(
    (next: Request): Promise<string | null> => {
      if (native) return chooseNative(next.mode, next.kind, next.suggestedName);
      return new Promise((resolve) => {
        resolver.current = resolve;
        setRequest(next);
      });
    },
    [native],
  );

  const finish = (file: string | null): void => {
    resolver.current?.(file);
    resolver.current = null;
    setRequest(null);
  };

  const picker = (
    <FilePickerModal
      mode={request?.mode ?? 'open'}
      kind={request?.kind ?? 'engagement'}
      opened={request !== null}
      suggestedName={request?.suggestedName ?? ''}
      title={request?.title}
      onClose={() => finish(null)}
      onPick={(file) => finish(file)}
    />
  );
  return { choose, picker };
}
