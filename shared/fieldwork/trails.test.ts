import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { CLASSIC_TRAIL, POSITION_STEP, inTrailOrder, moveStep, nextTrailTopic, placeAt, positionBetween, type Positioned } from './trails.ts';

/** Applies position writes to a trail (a null id is the new step, named `newId`). */
function apply(steps: readonly Positioned[], patches: readonly { id: string | null; position: number }[], newId: string): Positioned[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  for (const patch of patches) byId.set(patch.id ?? newId, { id: patch.id ?? newId, position: patch.position });
  return [...byId.values()];
}
const order = (steps: readonly Positioned[]) => inTrailOrder(steps).map((step) => step.id);

describe('positions between neighbours', () => {
  it('start a trail, append, prepend and insert between', () => {
    expect(positionBetween(null, null)).toBe(POSITION_STEP);
    expect(positionBetween(1024, null)).toBe(2048);
    expect(positionBetween(null, 1024)).toBe(0);
    expect(positionBetween(1024, 2048)).toBe(1536);
    expect(positionBetween(5, 5)).toBeNull();
    expect(positionBetween(1, 1 + Number.EPSILON)).toBeNull();
  });

  it('insert by writing the new step only', () => {
    const steps = [
      { id: 'a', position: 1024 },
      { id: 'b', position: 2048 },
    ];
    expect(placeAt(steps, 1, null)).toEqual([{ id: null, position: 1536 }]);
    expect(placeAt(steps, 0, null)).toEqual([{ id: null, position: 0 }]);
    expect(placeAt(steps, 2, null)).toEqual([{ id: null, position: 3072 }]);
    expect(placeAt([], 0, null)).toEqual([{ id: null, position: 1024 }]);
  });

  it('renumber every step only when no number is left between two neighbours', () => {
    const steps = [
      { id: 'a', position: 1 },
      { id: 'b', position: 1 + Number.EPSILON },
    ];
    expect(placeAt(steps, 1, 'n')).toEqual([
      { id: 'a', position: 1024 },
      { id: 'n', position: 2048 },
      { id: 'b', position: 3072 },
    ]);
  });

  it('keep any sequence of insertions in the order asked, renumbering rarely', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 120 }), (wheres) => {
        let steps: Positioned[] = [];
        const expected: string[] = [];
        let renumbered = 0;
        wheres.forEach((where, i) => {
          const index = where % (expected.length + 1);
          const patches = placeAt(steps, index, null);
          if (patches.length > 1) renumbered++;
          steps = apply(steps, patches, `s${i}`);
          expected.splice(index, 0, `s${i}`);
          expect(order(steps)).toEqual(expected);
          expect(new Set(steps.map((step) => step.position)).size).toBe(steps.length);
        });
        // Halving from a gap of 1024 leaves about fifty insertions at one place before a renumbering.
        expect(renumbered).toBeLessThanOrEqual(Math.ceil(wheres.length / 40));
      }),
      propertyRuns('trail insertions'),
    );
  });
});

describe('moving a step', () => {
  const trail = [
    { id: 'incident', position: 1024 },
    { id: 'problem', position: 2048 },
    { id: 'change', position: 3072 },
    { id: 'release', position: 4096 },
  ];

  it('up or down one place, writing that step only', () => {
    const up = moveStep(trail, 'change', -1);
    expect(up).toEqual([{ id: 'change', position: 1536 }]);
    expect(order(apply(trail, up, 'x'))).toEqual(['incident', 'change', 'problem', 'release']);
    const down = moveStep(trail, 'incident', 1);
    expect(order(apply(trail, down, 'x'))).toEqual(['problem', 'incident', 'change', 'release']);
  });

  it('does nothing at the ends or for a step not in the trail', () => {
    expect(moveStep(trail, 'incident', -1)).toEqual([]);
    expect(moveStep(trail, 'release', 1)).toEqual([]);
    expect(moveStep(trail, 'nope', 1)).toEqual([]);
  });

  it('orders ties from two copies by id, the same in every copy', () => {
    expect(order([{ id: 'b', position: 5 }, { id: 'a', position: 5 }])).toEqual(['a', 'b']);
    // Moving out of a tie still works: the tie is renumbered.
    const tied = [{ id: 'a', position: 5 }, { id: 'b', position: 5 }, { id: 'c', position: 9 }];
    expect(order(apply(tied, moveStep(tied, 'c', -1), 'x'))).toEqual(['a', 'c', 'b']);
  });

  it('is a swap of neighbours, whatever the trail', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.nat(), fc.boolean(), (positions, pick, up) => {
        const steps = positions.map((position, i) => ({ id: `s${String(i).padStart(2, '0')}`, position }));
        const before = order(steps);
        const index = pick % before.length;
        const by = up ? -1 : 1;
        const after = order(apply(steps, moveStep(steps, before[index]!, by), 'x'));
        const expected = [...before];
        const target = index + by;
        if (target >= 0 && target < expected.length) [expected[index], expected[target]] = [expected[target]!, expected[index]!];
        expect(after).toEqual(expected);
      }),
      propertyRuns('trail moves'),
    );
  });
});

describe('the next process of a trail', () => {
  it('follows incident → problem → change → release → configuration → service level', () => {
    expect(nextTrailTopic(null)).toBe('incident');
    const walked = [CLASSIC_TRAIL[0] as string];
    for (let next = nextTrailTopic(walked[0]!); next; next = nextTrailTopic(next)) walked.push(next);
    expect(walked).toEqual(['incident', 'problem', 'change', 'release-deployment', 'configuration', 'service-level']);
    expect(nextTrailTopic('supplier')).toBeNull();
  });
});
