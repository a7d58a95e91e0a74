import { enumOf, fixed, id, instant, integer, text } from './field-types.ts';
import { defineTable } from './table.ts';

/**
 * The documents an engagement exports; later issues use the same register. Appended to, never renamed.
 * 'audit-report-draft': a report exported before its completeness gate passed ("DRAFT" on every page),
 * recorded with the revision the next issued report will have, so a draft never uses up a revision.
 */
export const DOCUMENT_KINDS = ['audit-plan', 'nc-form', 'closing-meeting', 'audit-report', 'sign-in-sheet', 'review-package', 'audit-report-draft'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
/** What the register records: the documents' formats and the technical-review package's zip. */
export const EXPORT_FORMATS = [...DOCUMENT_FORMATS, 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * Every export of a document (issue 14): which document, its revision, format, language, the CB
 * template it was filled from, the file's name and SHA-256 — written once into the change log, so
 * anyone can later tell whether a file is the one the engagement sent. Immutable: an export is a
 * fact; the id is UUIDv5 of the engagement and the file's SHA-256.
 */
export const DOCUMENT_EXPORT_TABLE = defineTable({
  name: 'document_export',
  class: 'immutable',
  fields: [
    fixed('kind', enumOf(DOCUMENT_KINDS)),
    fixed('revision', integer({ min: 1, max: 100_000 })),
    fixed('format', enumOf(EXPORT_FORMATS)),
    fixed('language', text(35, true)),
    // The CB template's file name when the .docx was filled from one; '' for our layout.
    fixed('template', text(300)),
    fixed('file_name', text(500, true)),
    fixed('sha256', text(64, true)),
    fixed('size', integer({ min: 0 })),
    fixed('added_at', instant()),
    fixed('added_by', id()),
    fixed('added_by_name', text(300)),
  ],
  parents: [],
  naturalKey: ['sha256'],
});

export const DOCUMENT_TABLES = [DOCUMENT_EXPORT_TABLE] as const;
