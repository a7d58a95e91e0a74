/**
 * The technical-review package's record samples (issue 20): samples.json and samples.xlsx (a
 * "Samples" sheet with one row per sampled record, a "Selection records" sheet with one row per
 * sample) and, per sample, its selection record as a file of its own — algorithm, seed, population
 * hash, every inputs hash and the selection exactly as the draw stored it — so a reviewer can
 * recompute the selection by docs/SAMPLING-RANDOM.md without the app. Pure; headers and keys in
 * English, values in the report's language (as review-tables.ts).
 */
import { samplingOf, type ReportInput, type ReportSample } from '../documents/report-input.ts';
import type { ReviewTable } from './review-tables.ts';

/** A sample's row as the worker reads it for its selection record. */
export interface StoredSelection {
  readonly sampleId: string;
  readonly method: string;
  readonly algorithm: string;
  readonly seed: string;
  readonly populationHash: string;
  /** The `sample.selection` JSON text, as stored. */
  readonly selection: string;
}

/** Where an inputs hash was used: the draw, a stratum, an extension with its own seed. */
export interface InputsHash {
  readonly part: string;
  readonly seed: string;
  readonly inputsHash: string;
}

/** What anyone needs to recompute one sample's selection. */
export interface SelectionRecord {
  readonly sampleId: string;
  readonly method: string;
  readonly algorithm: string;
  readonly seed: string;
  readonly populationHash: string;
  readonly inputsHashes: readonly InputsHash[];
  /** The selection as the draw returned it (null when the stored text does not parse). */
  readonly selection: unknown;
  readonly specification: string;
}

/** Excel's longest cell text: a selection longer than this is in the JSON files only. */
const MAX_CELL = 32_767;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every inputs hash a stored selection holds: the draw's, each stratum's, each extension's (with its own seed). */
export function inputsHashesOf(selection: unknown): InputsHash[] {
  if (!isObject(selection)) return [];
  const seed = text(selection.seed);
  const out: InputsHash[] = [];
  if (text(selection.inputsHash)) out.push({ part: 'draw', seed, inputsHash: text(selection.inputsHash) });
  if (Array.isArray(selection.strata)) {
    for (const stratum of selection.strata) if (isObject(stratum) && text(stratum.inputsHash)) out.push({ part: `stratum ${text(stratum.name)}`, seed, inputsHash: text(stratum.inputsHash) });
  }
  if (Array.isArray(selection.extensions)) {
    selection.extensions.forEach((extension, index) => {
      if (isObject(extension) && text(extension.inputsHash)) out.push({ part: `extension ${index + 1}`, seed: text(extension.seed), inputsHash: text(extension.inputsHash) });
    });
  }
  return out;
}

export function selectionRecordOf(stored: StoredSelection, specification: string): SelectionRecord {
  let selection: unknown;
  try {
    selection = JSON.parse(stored.selection);
  } catch {
    selection = null;
  }
  return {
    sampleId: stored.sampleId,
    method: stored.method,
    algorithm: stored.algorithm,
    seed: stored.seed,
    populationHash: stored.populationHash,
    inputsHashes: inputsHashesOf(selection),
    selection,
    specification,
  };
}

/** A sample's selection record's file name in the package, by its place in the report (1, 2, …). */
export const selectionRecordName = (number: number): string => `selection-records/sample-${String(number).padStart(2, '0')}.json`;

const list = (values: readonly string[]): string => values.join('; ');

/** The report's samples numbered in its order (process by process), with their process. */
function numbered(report: ReportInput): { number: number; process: string; topic: string; sample: ReportSample }[] {
  let number = 0;
  return samplingOf(report).flatMap((topic) => topic.samples.map((sample) => ({ number: ++number, process: topic.title, topic: topic.topic, sample })));
}

/** Whether the package has samples to carry. */
export const hasSamples = (report: ReportInput): boolean => numbered(report).length > 0;

/**
 * samples.json and samples.xlsx, and each sample's selection record file (name → record). A
 * selection the worker did not return (not expected) has a record with nulls rather than none.
 */
export function samplesTable(report: ReportInput, stored: readonly StoredSelection[], specification: string): ReviewTable & { readonly records: readonly (readonly [name: string, record: SelectionRecord])[] } {
  const byId = new Map(stored.map((row) => [row.sampleId, row]));
  const samples = numbered(report).map(({ number, process, topic, sample }) => {
    const row = byId.get(sample.id);
    const record = selectionRecordOf(row ?? { sampleId: sample.id, method: sample.methodKey, algorithm: sample.algorithm, seed: sample.seed, populationHash: sample.populationHash, selection: 'null' }, specification);
    const { items, ...summary } = sample;
    return { number, process, topic, ...summary, items, selectionRecordFile: selectionRecordName(number), record };
  });
  const about = { reference: report.audit.reference, client: report.client.name, auditType: report.audit.type, language: report.document.language, reportRevision: report.document.revision, issuedAt: report.document.issuedAt };
  return {
    json: { ...about, specification, samples: samples.map(({ record, ...sample }) => ({ ...sample, selectionRecord: record })) },
    sheets: [
      {
        name: 'Samples',
        columns: ['Process', 'Population', 'Sample', 'Draw position', 'Record id', 'Selection', 'Stratum', 'Reason', 'Result', 'Attributes not met', 'Note'],
        rows: samples.flatMap((s) => s.items.map((item) => [s.process, s.population, s.number, item.position, item.record, item.selection, item.stratum, item.reason, item.result, list(item.failedAttributes), item.note])),
      },
      {
        name: 'Selection records',
        columns: ['Sample', 'Process', 'Population', 'Population size', 'Method', 'Size', 'Algorithm', 'Seed', 'Population hash', 'Inputs hashes', 'Tested', 'Deviations', 'Deviation rate', 'Upper deviation limit', 'Findings', 'Selection record file', 'Selection (JSON)'],
        rows: samples.map((s) => {
          const json = JSON.stringify(s.record.selection);
          return [
            s.number,
            s.process,
            s.population,
            s.populationSize,
            s.method,
            s.size,
            s.record.algorithm,
            s.record.seed,
            s.record.populationHash,
            list(s.record.inputsHashes.map((hash) => `${hash.part}: ${hash.inputsHash}`)),
            s.tested,
            s.deviations,
            s.deviationRate,
            s.upperLimit?.text ?? '',
            list(s.findingNumbers),
            s.selectionRecordFile,
            json.length <= MAX_CELL ? json : `(longer than a cell holds: see ${s.selectionRecordFile})`,
          ];
        }),
      },
    ],
    records: samples.map((s) => [s.selectionRecordFile, s.record] as const),
  };
}
