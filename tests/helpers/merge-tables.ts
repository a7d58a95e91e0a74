import fc from 'fast-check';
import type { Row } from '../../electron/store/engagement-store.ts';

/**
 * How the merge properties edit each mergeable table. Every capability that registers a mergeable
 * table adds an entry here (a few lines: how to create a row, which fields to change and with what),
 * and electron/consolidation/merge-properties.test.ts fails until it does.
 */
export interface MergeTableGenerator {
  /** Values for a new row (parent links are filled in by the test). */
  readonly create: fc.Arbitrary<Row>;
  /** Fields an edit may change, each with a small pool of values so members often collide. */
  readonly edits: Readonly<Record<string, fc.Arbitrary<string>>>;
  readonly parentField: string | null;
  readonly deletable: boolean;
}

const pick = (...values: string[]): fc.Arbitrary<string> => fc.constantFrom(...values);

export const MERGE_TABLE_GENERATORS: Readonly<Record<string, MergeTableGenerator>> = {
  engagement: {
    create: fc.constant({}),
    edits: {
      scope: pick('Hosting', 'Hosting and service desk', 'Service desk only'),
      objectives: pick('Conformity', 'Conformity and effectiveness'),
      certification_body: pick('Meridian', 'Example CB'),
      end_date: pick('2026-12-09', '2026-12-10'),
    },
    parentField: null,
    deletable: false,
  },
  site: {
    create: fc.record({ name: pick('Hamburg', 'Leipzig', 'Dublin'), kind: pick('central', 'permanent', 'temporary') }),
    edits: { name: pick('Hamburg HQ', 'Leipzig DC', 'Dublin office'), activities: pick('Service desk', 'Hosting', 'Backup') },
    parentField: 'engagement_id',
    deletable: true,
  },
  team_member: {
    create: fc.record({ name: pick('Lee Chan', 'Raj Iyer'), initials: pick('LC', 'RI'), role: pick('auditor', 'technical_expert') }),
    edits: { role: pick('auditor', 'observer', 'technical_expert'), email: pick('a@cb.example', 'b@cb.example') },
    parentField: 'engagement_id',
    deletable: true,
  },
};
