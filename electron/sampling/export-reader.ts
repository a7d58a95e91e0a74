import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ExportReaderModule from './source/index.ts';

export type ExportReader = typeof ExportReaderModule;
let loaded: Promise<ExportReader> | null = null;

/**
 * The export readers (CSV in any encoding, XLSX), loaded on the first preview or import. They bring
 * iconv-lite's code pages, papaparse and exceljs (1.5 MB together), which every open engagement's
 * worker would otherwise load at start: the build makes them a bundle of their own beside the worker
 * (dist/workers/export-reader.cjs), required here; run from source (unit tests), the module is imported.
 */
export function exportReader(): Promise<ExportReader> {
  loaded ??= (async () => {
    const bundled = typeof __dirname === 'string' ? path.join(__dirname, 'export-reader.cjs') : '';
    if (bundled && fs.existsSync(bundled)) return createRequire(__filename)(bundled) as ExportReader;
    const source = './source/index.ts';
    return (await import(/* @vite-ignore */ source)) as ExportReader;
  })();
  return loaded;
}

/** A reader's refusal (the class lives in the other bundle: recognized by its name, not by instanceof). */
export interface SourceRefusal {
  readonly name: 'SamplingSourceError';
  readonly code: ExportReaderModule.SourceErrorCode;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
  readonly message: string;
}

export const isSourceRefusal = (error: unknown): error is SourceRefusal =>
  error instanceof Error && error.name === 'SamplingSourceError' && typeof (error as { code?: unknown }).code === 'string';
