/**
 * The audit report of a stage 2, surveillance, recertification or special audit (ISO/IEC 17021-1
 * 9.4.8; the reference's "What the audit report must contain"), laid out as a lead auditor writes
 * one: a cover with the key facts, the summary with the team's recommendation, then who, what,
 * where and when, the results (and, when samples were drawn from the client's exports, the record
 * sampling) and findings with their evidence, the verification of earlier
 * corrective actions, the conclusions, the sampling disclaimer and the signatures, and the photos in
 * an annex. A pure function of `ReportInput`; `auditReportDocument` chooses the stage 1 report for a
 * stage 1 audit.
 */
import type { DocumentModel } from './model.ts';
import type { ReportInput } from './report-input.ts';
import { conclusionsSection, summarySection } from './report-conclusions.ts';
import { earlierNcsSection, findingsSection } from './report-findings.ts';
import { assembleReport, disclaimerSection, reportContext, signatureSection } from './report-frame.ts';
import { auditFactsSections } from './report-parts.ts';
import { resultsSection } from './report-results.ts';
import { samplingSection } from './report-sampling.ts';
import { stage1ReportDocument } from './stage1-report-document.ts';

export function reportDocument(input: ReportInput): DocumentModel {
  const ctx = reportContext(input);
  return assembleReport(ctx, ctx.t('report.title'), [
    summarySection(ctx),
    ...auditFactsSections(ctx),
    resultsSection(ctx),
    // Record sampling from the client's exports: a section of its own only when a sample was drawn.
    ...[samplingSection(ctx)].filter((section) => section !== null),
    findingsSection(ctx),
    earlierNcsSection(ctx),
    conclusionsSection(ctx),
    disclaimerSection(ctx),
    signatureSection(ctx),
  ]);
}

/** The report the audit type calls for: stage 1's documented conclusions, or the full report. */
export function auditReportDocument(input: ReportInput): DocumentModel {
  return input.audit.type === 'stage1' ? stage1ReportDocument(input) : reportDocument(input);
}
