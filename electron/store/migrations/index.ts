import { migration0001Core } from './0001-core.ts';
import { migration0002SitesTeam } from './0002-sites-team.ts';
import { migration0003ChangeLogStorage } from './0003-change-log-storage.ts';
import { migration0004Merge } from './0004-merge.ts';
import { migration0005ChecklistPacks } from './0005-checklist-packs.ts';
import { migration0006SiteScope } from './0006-site-scope.ts';
import { migration0007Preparation } from './0007-preparation.ts';
import { migration0008CertificationHistory } from './0008-certification-history.ts';
import { migration0009ScopeServices } from './0009-scope-services.ts';
import { migration0010SiteSample } from './0010-site-sample.ts';
import { migration0011AuditorDays } from './0011-auditor-days.ts';
import { migration0012CbProfiles } from './0012-cb-profiles.ts';
import { migration0013AuditPlan } from './0013-audit-plan.ts';
import { migration0014ChecklistAnswers } from './0014-checklist-answers.ts';
import { migration0015FieldworkRecords } from './0015-fieldwork-records.ts';
import { migration0016EvidenceFiles } from './0016-evidence-files.ts';
import { migration0017Findings } from './0017-findings.ts';
import { migration0018Sampling } from './0018-sampling.ts';
import type { Migration } from './migration.ts';

/** Ordered and append-only. Add a step at the end, with its own test in migrations.test.ts. */
export const ENGAGEMENT_MIGRATIONS: readonly Migration[] = [
  migration0001Core,
  migration0002SitesTeam,
  migration0003ChangeLogStorage,
  migration0004Merge,
  migration0005ChecklistPacks,
  migration0006SiteScope,
  migration0007Preparation,
  migration0008CertificationHistory,
  migration0009ScopeServices,
  migration0010SiteSample,
  migration0011AuditorDays,
  migration0012CbProfiles,
  migration0013AuditPlan,
  migration0014ChecklistAnswers,
  migration0015FieldworkRecords,
  migration0016EvidenceFiles,
  migration0017Findings,
  migration0018Sampling,
];

export const LATEST_ENGAGEMENT_VERSION = ENGAGEMENT_MIGRATIONS.length;
