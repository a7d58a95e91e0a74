import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import { profileSha256, profileSummary, shippedProfiles, type ProfileToCopy } from '../profiles/index.ts';

/**
 * The demo's certification body: a fictional CB's profile built on the shipped default — its name,
 * accreditation and deadlines, numbering with the audit's code, the five-point process grid, photos
 * kept as proof of presence. Its audit-time table stays empty: table values are a real CB's data,
 * never invented, so the demo's auditor-days rest on the CB's recorded allocation.
 */
export function demoProfile(): CbProfile {
  const base = shippedProfiles()[0]!;
  const deadlines: Record<string, { responseDays: number; verificationDays: number }> = {
    major: { responseDays: 30, verificationDays: 90 },
    minor: { responseDays: 30, verificationDays: 90 },
  };
  return {
    ...base,
    id: 'demo.meridian',
    version: '2026.1.0',
    title: { en: 'Meridian Assurance Certification — ISO/IEC 20000-1 (demo)', 'zh-Hans': 'Meridian Assurance Certification — ISO/IEC 20000-1（演示）' },
    description: {
      en: 'The fictional certification body of the demo engagement. Majors and minors: a correction and corrective-action plan within 30 days, verified within 90 days. No audit-time table: import your own certification body’s profile for real audits.',
      'zh-Hans': '演示项目中虚构的认证机构。严重和轻微不符合：30 天内提交纠正和纠正措施计划，90 天内完成验证。不含审核时间表：实际审核请导入您所在认证机构的配置。',
    },
    releasedOn: '2026-09-01',
    // A British CB reports in English; its profile's texts are in both languages for its auditors.
    reportLanguages: ['en'],
    certificationBody: {
      name: { en: 'Meridian Assurance Certification Ltd' },
      address: { en: '8 Castle Quay, Nottingham NG7 1FW, United Kingdom' },
      website: 'meridian-cert.example',
      accreditations: [{ body: 'Fictional accreditation body (demo)', number: 'DEMO-20000-001' }],
    },
    grades: base.grades.map((grade) => ({ ...grade, ...deadlines[grade.key] })),
    findingNumbering: { pattern: '{audit}-{grade}-{seq:2}', sequence: 'per-grade', appliesTo: 'all-grades' },
    fivePointProcessGrid: true,
    photoPolicy: 'keep-capture-time-and-location',
    requiredReportFields: ['auditor-days-with-times'],
  };
}

/** The demo profile as an engagement stores its copy. */
export function demoProfileToCopy(): ProfileToCopy {
  const profile = demoProfile();
  return { profileId: profile.id, version: profile.version, sha256: profileSha256(profile), title: profileSummary(profile).title, content: JSON.stringify(profile) };
}
