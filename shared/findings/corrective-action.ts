import type { CaState, VerificationMethod, VerificationResult } from './finding-kinds.ts';

/**
 * The corrective action of one nonconformity, raised to closed (issue 17), as a pure function: which
 * moves are allowed from each state, what each move requires, and the dates it may carry.
 *
 *   raised → acknowledged → response_received → accepted → implemented → verified → closed
 *                            ↑           ↓ rejected (reason)               ↓ not effective (reason)
 *                            └─ rejected ┘               accepted ←────────┘
 *
 * - response_received needs the client's correction, root cause, corrective action, owner, the planned
 *   date of the action and the date of the response (a correction date is optional: it is often done);
 * - rejected needs the reason; a rejected response waits for a new one (rejected → response_received);
 * - implemented needs the date; verified needs method, evidence, date, verifier and effective or not;
 * - a verification that found the action not effective goes back to accepted for a new action (with a
 *   reason); the lead may instead raise a new finding. Only an effective one closes.
 * - A minor nonconformity (any nonconformity grade but the most severe) may be closed on its accepted
 *   plan, to be verified at the next audit (method 'next_audit'), when `closeOnPlan` is allowed — CB
 *   policy; the CB profile has no setting for it yet, so the follow-up allows it for minors and never
 *   for majors (17021-1: majors are verified before the decision).
 * - Every date of the move is on or after the audit's first day (CA_DATE_BEFORE_AUDIT).
 */

/** What a move may set on the corrective action (the fields of the row it checks with the stored ones). */
export interface CaFields {
  readonly correction?: string;
  readonly root_cause?: string;
  readonly action?: string;
  readonly owner?: string;
  readonly correction_due?: string | null;
  readonly action_due?: string | null;
  readonly response_on?: string | null;
  readonly decision_reason?: string;
  readonly implemented_on?: string | null;
  readonly verification_method?: VerificationMethod;
  readonly verification_evidence?: string;
  readonly verified_on?: string | null;
  readonly verifier_id?: string | null;
  readonly effectiveness?: VerificationResult;
  readonly closed_on?: string | null;
}

export const CA_FIELD_NAMES = [
  'correction',
  'root_cause',
  'action',
  'owner',
  'correction_due',
  'action_due',
  'response_on',
  'decision_reason',
  'implemented_on',
  'verification_method',
  'verification_evidence',
  'verified_on',
  'verifier_id',
  'effectiveness',
  'closed_on',
] as const satisfies readonly (keyof CaFields)[];

/** The dates a move may carry: none may be before the audit's first day. */
export const CA_DATE_FIELDS = ['correction_due', 'action_due', 'response_on', 'implemented_on', 'verified_on', 'closed_on'] as const satisfies readonly (keyof CaFields)[];

/** Every move the lifecycle knows, from → the states it may go to. */
export const CA_MOVES: Readonly<Record<CaState, readonly CaState[]>> = {
  raised: ['acknowledged'],
  acknowledged: ['response_received'],
  response_received: ['accepted', 'rejected'],
  rejected: ['response_received'],
  accepted: ['implemented', 'closed'],
  implemented: ['verified'],
  verified: ['closed', 'accepted'],
  closed: [],
};

/** What the move is judged against: the action's state and fields (stored, with the move's applied). */
export interface MoveContext {
  readonly from: CaState;
  readonly to: CaState;
  readonly fields: CaFields;
  readonly reason: string;
  /** The nonconformity is of the most severe grade (a major). */
  readonly major: boolean;
  /** Whether a minor may be closed on its accepted plan (verified at the next audit). */
  readonly closeOnPlan: boolean;
  /** The audit's first day (YYYY-MM-DD). */
  readonly auditStart: string;
}

export type MoveProblem =
  | { readonly code: 'CA_TRANSITION_REFUSED'; readonly from: CaState; readonly to: CaState }
  | { readonly code: 'CA_FIELDS_MISSING'; readonly fields: readonly string[] }
  | { readonly code: 'CA_REASON_REQUIRED' }
  | { readonly code: 'CA_DATE_BEFORE_AUDIT'; readonly field: string; readonly date: string; readonly auditStart: string };

const filled = (value: string | null | undefined): boolean => typeof value === 'string' && value.trim() !== '';

/** The fields a move to `to` needs filled (beyond a reason), given where it comes from. */
export function requiredFields(from: CaState, to: CaState): readonly (keyof CaFields)[] {
  if (to === 'response_received') return ['correction', 'root_cause', 'action', 'owner', 'action_due', 'response_on'];
  if (to === 'implemented') return ['implemented_on'];
  if (to === 'verified') return ['verification_method', 'verification_evidence', 'verified_on', 'verifier_id', 'effectiveness'];
  if (to === 'closed') return ['closed_on'];
  return [];
}

/** Whether the move needs a reason typed by the auditor. */
export function reasonRequired(from: CaState, to: CaState): boolean {
  return to === 'rejected' || (from === 'verified' && to === 'accepted') || (from === 'accepted' && to === 'closed');
}

/**
 * Whether the move is allowed, and if not, the first thing wrong with it (in the order an auditor
 * fixes them: the move itself, what is missing, the reason, the dates).
 */
export function checkMove(context: MoveContext): MoveProblem | null {
  const { from, to, fields } = context;
  const refused = { code: 'CA_TRANSITION_REFUSED', from, to } as const;
  if (!CA_MOVES[from].includes(to)) return refused;
  // Closing straight from an accepted plan: a minor, when allowed, verified at the next audit.
  if (from === 'accepted' && to === 'closed' && (context.major || !context.closeOnPlan)) return refused;
  // Only an effective verification closes; a not effective one goes back for a new action.
  if (from === 'verified' && to === 'closed' && fields.effectiveness !== 'effective') return refused;
  if (from === 'verified' && to === 'accepted' && fields.effectiveness !== 'not_effective') return refused;
  const missing = requiredFields(from, to).filter((name) => {
    const value = fields[name];
    if (name === 'effectiveness') return value !== 'effective' && value !== 'not_effective';
    return !filled(value as string | null | undefined);
  });
  if (missing.length) return { code: 'CA_FIELDS_MISSING', fields: missing };
  if (reasonRequired(from, to) && !filled(context.reason)) return { code: 'CA_REASON_REQUIRED' };
  for (const name of CA_DATE_FIELDS) {
    const date = fields[name];
    if (filled(date) && (date as string) < context.auditStart) return { code: 'CA_DATE_BEFORE_AUDIT', field: name, date: date as string, auditStart: context.auditStart };
  }
  return null;
}

/** What a move writes besides the state: the reason where the row keeps it, the method of a close on plan. */
export function moveEffects(from: CaState, to: CaState, reason: string): CaFields {
  if (to === 'rejected') return { decision_reason: reason };
  if (to === 'accepted' && from === 'response_received') return { decision_reason: reason };
  if (from === 'accepted' && to === 'closed') return { verification_method: 'next_audit' };
  // Back for a new action: the old verification no longer speaks for the action being taken.
  if (from === 'verified' && to === 'accepted') return { effectiveness: 'not_assessed', implemented_on: null, verified_on: null };
  return {};
}

/** The moves the follow-up offers from a state (those a nonconformity of this grade may take). */
export function nextMoves(from: CaState, options: { readonly major: boolean; readonly closeOnPlan: boolean; readonly effectiveness: VerificationResult }): CaState[] {
  return CA_MOVES[from].filter((to) => {
    if (from === 'accepted' && to === 'closed') return !options.major && options.closeOnPlan;
    if (from === 'verified' && to === 'closed') return options.effectiveness === 'effective';
    if (from === 'verified' && to === 'accepted') return options.effectiveness === 'not_effective';
    return true;
  });
}

/** Whether a state waits for the client (its response) or for the audit team. */
export function waitsForClient(state: CaState): boolean {
  return state === 'raised' || state === 'acknowledged' || state === 'rejected' || state === 'accepted';
}

/** A recorded move, as the history lists it. */
export interface CaMove {
  readonly from: CaState;
  readonly to: CaState;
  readonly movedAt: string;
  readonly movedBy: string | null;
}

/**
 * The undo of the last move: back to where it came from, when the last move in the history is the
 * one that led to the current state and was made by this member. A reverse move is recorded as a
 * move of its own (reason 'undo'), so the history keeps both. Null when there is nothing to undo.
 */
export function undoTarget(state: CaState, history: readonly CaMove[], memberId: string | null): CaState | null {
  const last = history.at(-1);
  if (!last || last.to !== state || last.from === state) return null;
  if (memberId === null || last.movedBy !== memberId) return null;
  return last.from;
}

/** The state the history leads to (raised when nothing moved yet): used to check a stored state. */
export function stateAfter(history: readonly CaMove[]): CaState {
  return history.at(-1)?.to ?? 'raised';
}
