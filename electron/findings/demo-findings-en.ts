import type { DemoFindingsData } from './demo-findings.ts';

/*
 * The English demo's findings at the end of day 1 (7 Dec 2026) of Kestrel's stage 2 audit, as the lead's file
 * holds them once Rajesh's copy is merged: each raised from what the team recorded that day (his
 * checklist answers and SLA sample, Helen's notebook and the catalogue record), then written up the
 * way a lead auditor writes a finding — the requirement, the objective evidence with record ids,
 * dates and people, and what is not fulfilled; no vague words, no causes, no solutions. Provisional
 * ids only: the lead numbers the findings at the team review on day 4.
 */
export const DEMO_FINDINGS_EN: DemoFindingsData = {
  day: '2026-12-07',
  findings: [
    {
      by: 'RI',
      grade: 'minor',
      source: 'answer',
      from: '8.3.3-q01',
      clauses: ['8.3.3'],
      requirement:
        'ISO/IEC 20000-1:2018, 8.3.3: service levels are reviewed with the customer at planned intervals. ' +
        'The planned interval for SLA-NWR-2023 is 12 months (SLA register, field "Review interval (months)").',
      evidence:
        'SLA register in ServiceNow (filter: status = Active, 14 SLAs), shown on screen by Joanne Kerr, Service level manager, on 7 Dec 2026 ' +
        'and exported as CSV the same day. SLA-NWR-2023 (Northwind Retail Ltd, active since 1 Mar 2023): last review 14 Mar 2023, review ' +
        'interval 12 months. No review record, amended version or customer confirmation dated after 14 Mar 2023 was produced. ' +
        'The two other SLAs sampled were reviewed within 12 months: SLA-HBB-2026 on 3 Feb 2026 and SLA-KGI-2025 on 28 May 2026.',
      notFulfilled:
        'SLA-NWR-2023 was not reviewed at its planned interval: there is no record of the reviews due by 14 Mar 2024, 14 Mar 2025 and ' +
        '14 Mar 2026; the last review was 45 months before the audit.',
      auditeeRepresentative: 'Joanne Kerr, Service level manager',
      records: ['SLA-NWR-2023'],
      entries: ['@Joanne Kerr, Service level manager ran the'],
      opinion: {
        auditeeView:
          'Northwind Retail agreed by e-mail in April 2024 to continue the SLA unchanged, and the quarterly service reviews with Northwind ' +
          'cover the SLA. Kestrel considers the SLA reviewed.',
        teamResponse:
          'The e-mail of April 2024 was not produced during the audit. The Q3 2026 service review minutes for Northwind record performance ' +
          'figures and actions, not a review of the SLA targets, workload limits or exceptions. The finding stands; the e-mail can be ' +
          'submitted with the corrective action plan.',
      },
    },
    {
      by: 'HM',
      grade: 'minor',
      source: 'record',
      from: 'SC-2026-14',
      clauses: ['8.2.4'],
      requirement:
        'ISO/IEC 20000-1:2018, 8.2.4: the service catalogue describes the services, including their intended outcomes, and is consistent ' +
        'with the agreements made with customers.',
      evidence:
        'Service catalogue entry SC-2026-14 (Managed backup), shown by Dev Anand, SMS coordinator, on 7 Dec 2026, states no restore time. ' +
        'The SLA template for managed backup, shown in the same session, commits to restores within 4 hours of the request. ' +
        'Dev Anand could not confirm which of the two documents states the current commitment.',
      notFulfilled:
        'The catalogue entry for Managed backup does not state the restore time that the SLA template for the same service commits ' +
        'customers to (4 hours); the catalogue is not consistent with the agreement for this service.',
      auditeeRepresentative: 'Dev Anand, SMS coordinator',
      entries: ['Catalogue entry #SC-2026-14'],
    },
    {
      by: 'RI',
      grade: 'observation',
      source: 'answer',
      from: '7.5.3-q02',
      clauses: ['7.5.3'],
      requirement:
        'ISO/IEC 20000-1:2018, 7.5.3: documented information required by the SMS is controlled, including its review and update, so that ' +
        'it stays suitable for use. Kestrel\'s document register sets a review date for each SMS document.',
      evidence:
        'Document register with review dates (SharePoint document library), viewed with Dev Anand, SMS coordinator, on Teams on ' +
        '7 Dec 2026: 3 of the 40 SMS documents are past their review date — SMS-PR-08 Capacity management procedure v1.4 (due 30 Jun 2026), ' +
        'SMS-PR-12 Supplier management procedure v2.0 (due 31 Aug 2026) and SMS-WI-21 Backup restore work instruction v1.1 (due ' +
        '30 Sep 2026). Reviews are requested by e-mail from the SMS coordinator. The three documents open in SharePoint are the versions the register lists as current.',
      notFulfilled:
        'The three documents are the versions listed as current. They are ' +
        'in use between 2 and 5 months after their review date; if the reviews stay overdue, these documents can no longer be shown to be suitable for use.',
      auditeeRepresentative: 'Dev Anand, SMS coordinator',
      entries: ['Document control in SharePoint'],
    },
    {
      by: 'RI',
      grade: 'improvement',
      source: 'answer',
      from: '8.3.2-q03',
      clauses: ['8.3.2'],
      requirement:
        'ISO/IEC 20000-1:2018, 8.3.2: customer satisfaction is measured at planned intervals and the results are analysed to find ' +
        'opportunities for improvement.',
      evidence:
        'Customer satisfaction survey results 2026 (H1 2026, 31 responses), presented by Joanne Kerr, Service level manager, on ' +
        '7 Dec 2026: the results report gives one overall score per question for all customers. The survey records which of the three ' +
        'services in scope (managed hosting, 24x7 service desk, managed backup) each respondent uses.',
      notFulfilled:
        'The satisfaction results are analysed for all services together, so a fall in satisfaction with one ' +
        'service is visible only when it moves the overall score.',
      auditeeRepresentative: 'Joanne Kerr, Service level manager',
      entries: ['Satisfaction: [[Customer satisfaction survey results 2026]]'],
    },
    {
      by: 'HM',
      grade: 'good-practice',
      source: 'notebook',
      from: '@Mark Ellis, Managing Director explained',
      clauses: ['4.1'],
      requirement:
        'ISO/IEC 20000-1:2018/Amd 1:2024, 4.1: the organization determines whether climate change is a relevant issue for its SMS and services.',
      evidence:
        'SMS context and interested parties register v2.3, last reviewed 14 Sep 2026 and presented by Mark Ellis, Managing Director, on ' +
        '7 Dec 2026: climate change is recorded as an issue for the Manchester data centre (MDC1), naming the cooling load in summer heat ' +
        'and the dependence on a single power feed, each with an owner and a review date.',
      notFulfilled:
        'The climate-change determination of Amendment 1:2024 is specific to the services in scope and owned, ' +
        'not recorded as a general statement.',
      auditeeRepresentative: 'Mark Ellis, Managing Director',
    },
  ],
};
