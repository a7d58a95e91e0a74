import type { Site, TeamMember } from '../engagement.ts';
import type { PlanRows } from '../plan/plan-rows.ts';
import type { SERVICE_TABLE } from '../tables/preparation-tables.ts';
import type { RowOf } from '../tables/table.ts';
import type { DocumentKind, ExportFormat } from '../tables/document-tables.ts';

/** Everything the Plan section shows, in one call (the section opens in one round trip). */
export interface PlanLoadView extends PlanRows {
  readonly sites: readonly Site[];
  readonly team: readonly TeamMember[];
  readonly serviceRows: readonly RowOf<typeof SERVICE_TABLE>[];
}

/** An exported document as the user sees it: where it went, its revision and fingerprint, and a link on the browser host. */
export interface PlanExportView {
  readonly file: string;
  readonly revision: number;
  readonly sha256: string;
  readonly size: number;
  readonly template: string;
  /** A short-lived, single-use link (browser host); null in the desktop app. */
  readonly downloadUrl: string | null;
}

/** One entry of the engagement's register of exported documents. */
export interface DocumentExportView {
  readonly kind: DocumentKind;
  readonly revision: number;
  readonly format: ExportFormat;
  readonly language: string;
  readonly template: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly exportedAt: string;
  readonly exportedBy: string;
}
