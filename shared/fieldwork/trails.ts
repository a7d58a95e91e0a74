/**
 * The order of an audit trail's steps (issue 15). A step's position is a number between its
 * neighbours', so inserting or moving a step writes that one step only: two auditors adding steps in
 * their own copies never touch each other's rows. Only when the numbers between two neighbours run
 * out (after some fifty insertions at the same place) are the steps renumbered. Pure.
 */

export interface Positioned {
  readonly id: string;
  readonly position: number;
}

/** A position to write: the step's id (or null for the step being added) and its new position. */
export interface PositionPatch {
  readonly id: string | null;
  readonly position: number;
}

/** The gap left between steps when appending or renumbering. */
export const POSITION_STEP = 1024;

/** Steps in trail order: by position, ties (two copies inserting at one place) by id, so every copy shows one order. */
export function inTrailOrder<T extends Positioned>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A number strictly between two positions (either may be missing: the start or the end), or null when there is none. */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return POSITION_STEP;
  if (after === null) return before! + POSITION_STEP;
  if (before === null) return after - POSITION_STEP;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after && Number.isFinite(middle) ? middle : null;
}

/**
 * The writes that put a step at `index` of the ordered `others` (the trail without that step):
 * one patch (the step's own) when there is room, else every step renumbered in the new order.
 * `id` is the step being moved, or null for a new one.
 */
export function placeAt(others: readonly Positioned[], index: number, id: string | null): PositionPatch[] {
  const ordered = inTrailOrder(others);
  const at = Math.min(Math.max(Math.trunc(index), 0), ordered.length);
  const position = positionBetween(ordered[at - 1]?.position ?? null, ordered[at]?.position ?? null);
  if (position !== null) return [{ id, position }];
  const order: (string | null)[] = ordered.map((step) => step.id);
  order.splice(at, 0, id);
  return order.map((stepId, i) => ({ id: stepId, position: (i + 1) * POSITION_STEP }));
}

/**
 * Moving a step one place up (-1) or down (+1): the writes (none when it is already at that end or
 * not in the trail).
 */
export function moveStep(steps: readonly Positioned[], id: string, by: -1 | 1): PositionPatch[] {
  const ordered = inTrailOrder(steps);
  const from = ordered.findIndex((step) => step.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ordered.length) return [];
  const others = ordered.filter((step) => step.id !== id);
  return placeAt(others, to, id);
}

/**
 * The classic trail through an IT service provider (reference: "audit trail"): an incident, its
 * problem, the change that removes the cause, the release that deploys it, the configuration items it
 * touched, and the service level report that shows the effect. Pack process keys.
 */
export const CLASSIC_TRAIL = ['incident', 'problem', 'change', 'release-deployment', 'configuration', 'service-level'] as const;

/** The process a trail usually goes to after `topic` (the first of the classic trail for an empty trail), or null past its end. */
export function nextTrailTopic(topic: string | null): string | null {
  if (topic === null) return CLASSIC_TRAIL[0];
  const at = (CLASSIC_TRAIL as readonly string[]).indexOf(topic);
  return at >= 0 && at < CLASSIC_TRAIL.length - 1 ? CLASSIC_TRAIL[at + 1]! : null;
}
