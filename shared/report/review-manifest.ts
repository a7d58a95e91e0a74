/**
 * The technical-review package's table of contents: manifest.json for the back office's tools and
 * README.txt for the reviewer, each listing every entry with its SHA-256 and size, so a file taken
 * out of the zip can still be matched to the package. Pure.
 */

export interface ManifestEntry {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ManifestAbout {
  readonly reference: string;
  readonly client: string;
  /** The audit type in the report's language ("Stage 2"). */
  readonly auditType: string;
  readonly reportRevision: number;
  readonly language: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** What each entry is, by its name in the package. */
export const ENTRY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'audit-report.pdf': 'The issued audit report (PDF)',
  'audit-report.docx': 'The issued audit report (Word), same revision as the PDF',
  'audit-plan.pdf': 'The audit plan',
  'nc-forms.pdf': 'The nonconformity reports, one per nonconformity',
  'closing-meeting.pdf': 'The closing meeting record',
  'evidence-index.xlsx': 'Every evidence reference with where it is used; every evidence file with its SHA-256',
  'findings.json': 'The findings (JSON)',
  'findings.xlsx': 'The findings (workbook)',
  'plan.json': 'The plan as planned and as it ran (JSON)',
  'plan.xlsx': 'The plan as planned and as it ran (workbook)',
  'conclusions.json': 'The conclusions, audit statements and recommendation (JSON)',
  'conclusions.xlsx': 'The conclusions, audit statements and recommendation (workbook)',
  'samples.json': 'The records sampled from the client’s exports, with their results and selection records (JSON)',
  'samples.xlsx': 'The records sampled from the client’s exports (Samples) and the selection records (workbook)',
  'manifest.json': 'This list, for tools',
};

/** Entries named by a folder: one file per sample. */
const FOLDER_DESCRIPTIONS: readonly (readonly [prefix: string, description: string])[] = [
  ['selection-records/', 'A sample’s selection record: algorithm, seed, population hash, inputs hashes and the selection, to recompute it by docs/SAMPLING-RANDOM.md'],
];

/** What an entry is, by its exact name or its folder; '' when unknown. */
export function entryDescription(name: string): string {
  return ENTRY_DESCRIPTIONS[name] ?? FOLDER_DESCRIPTIONS.find(([prefix]) => name.startsWith(prefix))?.[1] ?? '';
}

export function manifestJson(about: ManifestAbout, entries: readonly ManifestEntry[]): string {
  return `${JSON.stringify({ package: 'technical-review', ...about, entries: entries.map((entry) => ({ ...entry, description: entryDescription(entry.name) })) }, null, 2)}\n`;
}

export function readmeText(about: ManifestAbout, entries: readonly ManifestEntry[]): string {
  const lines = [
    `Technical-review package: ${about.client} — ${about.auditType} (${about.reference})`,
    `Audit report revision ${about.reportRevision}, language ${about.language}`,
    `Made ${about.createdAt} by ${about.createdBy}`,
    '',
    'Files (SHA-256, size in bytes, name, what it is):',
    ...entries.map((entry) => `${entry.sha256}  ${String(entry.size).padStart(10)}  ${entry.name}  ${entryDescription(entry.name)}`.trimEnd()),
    '',
    'Check a file: sha256sum <file> (Linux), shasum -a 256 <file> (macOS), certutil -hashfile <file> SHA256 (Windows).',
    '',
  ];
  return lines.join('\r\n');
}
