import { useCallback, useRef, useState } from 'react';
import type { VerificationView } from '../../../../shared/contract/signing-views.ts';
import { invoke } from '../../contract/client.ts';

export interface VerifyRequest {
  readonly file: string;
  /** The .p7s chosen for a Word report; left out, the service looks beside the .docx. */
  readonly signatureFile?: string;
}

/**
 * One verification at a time: the file asked about, what the service found, and a way to ask again
 * (after trusting a signer, the standing changes). A late answer for an earlier file is dropped.
 */
export function useVerification() {
  const [request, setRequest] = useState<VerifyRequest | null>(null);
  const [result, setResult] = useState<VerificationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  const verify = useCallback(async (next: VerifyRequest) => {
    const ask = ++latest.current;
    setRequest(next);
    setBusy(true);
    setError(null);
    try {
      const found = await invoke('signing:verify', next.signatureFile ? { file: next.file, signatureFile: next.signatureFile } : { file: next.file });
      if (ask === latest.current) setResult(found);
    } catch (failure) {
      if (ask === latest.current) {
        setResult(null);
        setError(failure);
      }
    } finally {
      if (ask === latest.current) setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setRequest(null);
    setResult(null);
    setError(null);
    setBusy(false);
  }, []);

  return { request, result, busy, error, setError, verify, reverify: () => (request ? verify(request) : Promise.resolve()), reset };
}
