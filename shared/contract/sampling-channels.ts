import { z } from 'zod';
import { channel } from './channel.ts';
import { fileRefSchema, handleSchema, withHandle } from './schemas.ts';
import type { ExportPreviewView, PopulationRowsView, SampleItemRowView, SamplingStateView } from './sampling-views.ts';

const rowId = z.string().min(1).max(100);
const delimiter = z.enum([',', ';', '\t', '|']);
const encoding = z.string().min(1).max(40);

/** How an export is read: what sampling:sniff detected, or what the auditor changed it to. */
export const exportReadingSchema = z
  .object({
    encoding: encoding.optional(),
    delimiter: delimiter.optional(),
    sheet: z.string().min(1).max(300).optional(),
    /** 1-based row of the headers (a title row above them is common in exports). */
    headerRow: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/**
 * Record sampling from the client's exports (issue 20). Imports, draws, extensions and verification
 * are jobs (shared/contract/jobs.ts). Test attributes, an item's reason and the test results (records
 * seen and their attributes) are rows: edited through the row channels, undone by restore.
 */
export const SAMPLING_CHANNELS = {
  /** Populations, samples, their items and attributes, and the CB profile's judgment range. */
  'sampling:state': channel<SamplingStateView>()(withHandle),
  /** Reads the head of an export: encoding, delimiter, sheets, columns with guessed roles, the first rows and problems. */
  'sampling:sniff': channel<ExportPreviewView>()(
    z.object({ engagementHandle: handleSchema, file: fileRefSchema, reading: exportReadingSchema.optional() }).strict(),
  ),
  /**
   * Records of a population: by row numbers (at most 10,000: a sample's items), or a page of those
   * whose record id contains `search` (case-insensitive), or a page of all.
   */
  'sampling:rows': channel<PopulationRowsView>()(
    z
      .object({
        engagementHandle: handleSchema,
        populationId: rowId,
        rowNos: z.array(z.number().int().min(0).max(100_000_000)).max(10_000).optional(),
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(100_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
  /** A judgmental pick added to a sample, with its reason (required). */
  'sampling:pick': channel<SampleItemRowView>()(
    z
      .object({
        engagementHandle: handleSchema,
        sampleId: rowId,
        rowNo: z.number().int().min(0).max(100_000_000),
        reason: z.string().trim().min(1).max(1000),
      })
      .strict(),
  ),
} as const;
