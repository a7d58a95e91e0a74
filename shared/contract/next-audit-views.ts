import type { AuditType, StandardEdition } from '../engagement.ts';

/** An earlier engagement as the next audit would start from it: what the lead checks before creating. */
export interface EarlierEngagementView {
  readonly file: string;
  readonly clientName: string;
  readonly auditType: AuditType;
  readonly startDate: string;
  readonly endDate: string;
  readonly timeZone: string;
  readonly standardEdition: StandardEdition;
  readonly certificateNumber: string;
  readonly certificateExpiresOn: string | null;
  /** The CB profile and checklist pack it used (carried over as they are), or null. */
  readonly profileTitle: string | null;
  readonly packTitle: string | null;
  readonly counts: {
    readonly sites: number;
    readonly team: number;
    readonly services: number;
    readonly otherParties: number;
    readonly earlierAudits: number;
  };
}
