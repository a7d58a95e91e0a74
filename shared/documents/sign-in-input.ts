import type { DocumentIdentity } from './plan-input.ts';

/** The meetings a sign-in sheet is printed for. */
export const SIGN_IN_MEETING_KINDS = ['opening', 'closing'] as const;
export type SignInMeetingKind = (typeof SIGN_IN_MEETING_KINDS)[number];

/** Someone expected at the meeting, pre-printed on the sheet. */
export interface SignInAttendee {
  readonly name: string;
  readonly role: string;
  readonly organization: string;
  /** Joins remotely: cannot sign the paper, the sheet says so in the signature cell. */
  readonly remote: boolean;
}

/**
 * Everything the sign-in sheet (签到表) of an opening or closing meeting shows, resolved from the
 * engagement in the document's language: the engagement and client, the meeting with its date, time
 * and place (or remote tool), the people expected and room for those who come unannounced. Printed,
 * signed on paper at the meeting, photographed later as evidence of attendance.
 */
export interface SignInSheetInput {
  readonly document: DocumentIdentity;
  readonly certificationBody: { readonly name: string; readonly logoDataUrl: string | null };
  readonly client: { readonly name: string; readonly address: string };
  readonly audit: {
    /** The audit type in the document's language. */
    readonly typeLabel: string;
    readonly standard: string;
    readonly timeZone: string;
  };
  readonly meeting: {
    readonly kind: SignInMeetingKind;
    /** The session's title, or the meeting's name in the document's language. */
    readonly title: string;
    /** The day and local times it is held (as it ran when recorded, else as planned). */
    readonly day: string;
    readonly start: string;
    readonly end: string;
    /** The site's name and address; null when the meeting is remote or has no site. */
    readonly place: string | null;
    /** The remote tool when the meeting is held remotely, else null. */
    readonly remoteTool: string | null;
  };
  readonly attendees: readonly SignInAttendee[];
  /** Empty rows after the attendees, for people not listed. */
  readonly blankRows: number;
}
