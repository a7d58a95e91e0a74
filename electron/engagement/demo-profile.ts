import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import { profileSha256, profileSummary, shippedProfiles, type ProfileToCopy } from '../profiles/index.ts';
import type { DemoProfileData } from './demo-data.ts';
import { DEMO_EN } from './demo-data-en.ts';

/**
 * A demo's certification body: a fictional CB's profile built on the shipped default — its name,
 * accreditation (and, for a Chinese CB, its CNCA and CNAS numbers), its own grade labels and
 * deadlines, numbering, the report fields it requires. Its audit-time table stays empty: table
 * values are a real CB's data, never invented, so the demo's auditor-days rest on the CB's recorded
 * allocation.
 */
export function demoProfile(data: DemoProfileData = DEMO_EN.profile): CbProfile {
  const base = shippedProfiles()[0]!;
  const { deadlines, gradeNames = {}, ...fields } = data;
  return {
    ...base,
    ...fields,
    grades: base.grades.map((grade) => ({ ...grade, ...(gradeNames[grade.key] ? { name: gradeNames[grade.key]! } : {}), ...deadlines[grade.key] })),
  };
}

/** A demo profile as an engagement stores its copy (the English demo's by default). */
export function demoProfileToCopy(data: DemoProfileData = DEMO_EN.profile): ProfileToCopy {
  const profile = demoProfile(data);
  return { profileId: profile.id, version: profile.version, sha256: profileSha256(profile), title: profileSummary(profile).title, content: JSON.stringify(profile) };
}
