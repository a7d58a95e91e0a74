import type { DocumentModel } from '../../shared/documents/model.ts';
import type { DocumentErrorJson } from './document-error.ts';

export type DocumentFormat = 'pdf' | 'docx';

export interface DocumentWorkerData {
  /** The folder with the shipped PDF fonts (dist/fonts). */
  readonly fontDir: string;
}

export interface DocumentRequest {
  readonly id: number;
  readonly format: DocumentFormat;
  readonly document: DocumentModel;
}

export type DocumentReply =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: DocumentErrorJson };
