import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { choosePack, type PackToCopy } from '../../electron/packs/engagement-packs.ts';
import type { EngagementStore, Row } from '../../electron/store/engagement-store.ts';

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

/**
 * How the merge properties add rows of each immutable table: `add` puts item `pick` of a small pool
 * into the store, at time `at` and by its actor, so two members often add the same content at
 * different times (the row must not depend on whose copy is imported first). Every capability
 * with an immutable table adds an entry; merge-properties.test.ts fails until it does.
 */
export interface ImmutableTableGenerator {
  readonly add: (store: EngagementStore, pick: number, at: number) => void;
}

/** Two small packs: enough to collide, and cheap to copy in many random histories. */
const SMALL_PACKS: PackToCopy[] = ['1.0.0', '1.1.0'].map((version) => {
  const content = JSON.stringify({ id: 'test.pack', version, title: { en: 'Test pack' } });
  return { packId: 'test.pack', version, sha256: createHash('sha256').update(content).digest('hex'), title: 'Test pack', content };
});

export const IMMUTABLE_TABLE_GENERATORS: Readonly<Record<string, ImmutableTableGenerator>> = {
  checklist_pack: {
    add: (store, pick, at) => void choosePack(store, SMALL_PACKS[pick % SMALL_PACKS.length]!, store.context.actorId, at),
  },
};
