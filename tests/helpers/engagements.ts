import type { NewEngagementFields } from '../../shared/engagement.ts';

/** A plausible engagement for tests: a stage 2 audit of a fictional managed-service provider. */
export function sampleEngagement(overrides: Partial<NewEngagementFields> = {}): NewEngagementFields {
  return {
    client_name: 'Northwind Managed Services GmbH',
    client_address: 'Hafenstraße 12, 20457 Hamburg, Germany',
    audit_type: 'stage2',
    standard_edition: '20000-1:2018+A1:2024',
    certification_body: 'Example Certification Ltd',
    criteria: 'ISO/IEC 20000-1:2018 + Amd 1:2024; the client SMS documentation',
    objectives: 'Determine conformity and effectiveness of the SMS',
    scope: 'Managed hosting and service desk services for business customers',
    time_zone: 'Europe/Berlin',
    start_date: '2026-12-07',
    end_date: '2026-12-09',
    ...overrides,
  };
}
