import type { AnswerResult } from '../../shared/fieldwork/answer-results.ts';
import type { AttendancePresence, ConclusionStatus, EvidenceKind, RecordResult, SessionMode, SessionOutcome } from '../../shared/fieldwork/fieldwork-kinds.ts';
import type { StatementItem } from '../../shared/findings/audit-statements.ts';

/**
 * What the demo's team recorded in the field, in one language (the builder is demo-fieldwork.ts).
 * Sessions are named by their key in the plan (DemoSession.key), team members by their initials,
 * evidence by its title and people by their name.
 */
export interface DemoFieldwork {
  /** The day the demo file stands at: notebook entries and outcomes are of that day. */
  readonly day: string;
  /** The client as the person rows name the organization of the people met. */
  readonly organization: string;
  /** Meetings held: who attended, and the points confirmed (a note beside some). */
  readonly meetings: readonly DemoMeeting[];
  readonly outcomes: readonly DemoOutcome[];
  readonly evidence: readonly (readonly [kind: EvidenceKind, title: string, version: string, date: string, location: string, shownBy: string])[];
  /** People met, each in a session (a person met in two sessions is listed twice, created once). */
  readonly people: readonly (readonly [name: string, role: string, session: string])[];
  readonly entries: readonly DemoEntry[];
  /** Records seen outside a query (on someone's screen, one at a time). */
  readonly records: readonly DemoRecord[];
  readonly answers: readonly DemoAnswerGroup[];
  readonly queries: readonly DemoQuery[];
  readonly attachments: readonly DemoAttachment[];
  readonly conclusions: readonly { readonly topic: string; readonly status: ConclusionStatus; readonly text: string }[];
  /** Audit statements already recorded (the Chinese CB's no-penalties statement is checked on day 1). */
  readonly statements: readonly { readonly item: StatementItem; readonly verdict: string; readonly text: string }[];
}

export interface DemoMeeting {
  readonly session: string;
  readonly attendance: readonly (readonly [name: string, role: string, organization: string, presence: AttendancePresence])[];
  readonly points: readonly string[];
  readonly notes: Readonly<Record<string, string>>;
}

export interface DemoOutcome {
  readonly session: string;
  readonly status: SessionOutcome;
  readonly start: string;
  readonly end: string;
  readonly mode: SessionMode;
  readonly reason?: string;
  readonly remote?: { readonly effectiveness: 'effective' | 'partly_effective' | 'not_effective'; readonly note: string };
}

export interface DemoEntry {
  readonly session: string;
  readonly by: string;
  /** Local time of the audit's time zone. */
  readonly time: string;
  readonly topic: string;
  readonly body: string;
}

export interface DemoRecord {
  readonly topic: string;
  readonly ref: string;
  readonly result: RecordResult;
  readonly note: string;
}

/** A member's answers in one session: question → result and note, with the evidence and people they rest on. */
export interface DemoAnswerGroup {
  readonly by: string;
  readonly session: string;
  readonly answers: readonly (readonly [question: string, result: AnswerResult, notes: string, links?: DemoAnswerLinks])[];
}

export interface DemoAnswerLinks {
  readonly evidence?: readonly string[];
  readonly people?: readonly string[];
}

/** Records seen on the auditee's screen through one query, with what was seen against the sampling plan's attributes. */
export interface DemoQuery {
  readonly topic: string;
  readonly session: string;
  readonly by: string;
  readonly query: string;
  readonly populationCount: number;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly selection: string;
  readonly samplingPlan: string;
  /** The evidence the records were seen in, by title. */
  readonly evidence: string;
  readonly records: readonly (readonly [ref: string, result: 'pass' | 'fail', attributes: readonly ('pass' | 'fail' | 'not_tested')[], note: string])[];
}

/** A file a team member attached to an evidence reference (a CSV the auditee e-mailed). */
export interface DemoAttachment {
  readonly evidence: string;
  readonly by: string;
  readonly fileName: string;
  readonly caption: string;
  readonly text: string;
}
