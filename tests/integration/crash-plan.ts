/**
 * The edit stream of the crash-safety test, shared by the parent (which checks the file) and the
 * child (which writes it): both derive each edit from (round, index), so the parent knows exactly
 * which values an acknowledged edit wrote without trusting anything else the child said.
 */

export type PlannedEdit =
  | { readonly kind: 'objectives'; readonly value: string }
  | { readonly kind: 'site'; readonly name: string };

/** Every third edit rewrites one engagement field (coalesced into the chain head); the rest add sites. */
export function plannedEdit(round: number, index: number): PlannedEdit {
  const label = `r${round}-e${index}`;
  return index % 3 === 0 ? { kind: 'objectives', value: `objectives ${label}` } : { kind: 'site', name: `site ${label}` };
}

/**
 * The child's protocol. It starts its service and prints STARTED, then waits for GO on stdin before
 * it opens the file (so the next child can start while the parent still checks the last kill), prints
 * READY once the file is open, and ACK_PREFIX + index once edit `index` resolved (acknowledged).
 */
export const STARTED_LINE = 'started';
export const GO_LINE = 'go';
export const READY_LINE = 'ready';
export const ACK_PREFIX = 'ack ';
