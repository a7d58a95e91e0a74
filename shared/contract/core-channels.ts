import { z } from 'zod';
import type { Engagement } from '../engagement.ts';
import { INTERFACE_LANGUAGES } from '../languages.ts';
import { channel } from './channel.ts';
import { jobStartSchema } from './jobs.ts';
import { empty, engagementFieldsSchema, engagementPatchSchema, fileKind, fileRefSchema, handleSchema, withHandle } from './schemas.ts';
import { MENU_LABEL_KEYS } from './menu-labels.ts';
import type {
  AppInfo,
  BackupUsageView,
  BackupView,
  CopyView,
  EngagementRosterView,
  EngagementSummaryView,
  InstallationView,
  JobPollView,
  OpenedEngagementView,
  RecentEngagementView,
  WorkspaceFileView,
} from './views.ts';

const menuLabel = z.string().trim().min(1).max(60);

/** The core's channels: the app, its user, files, engagements, backups, and the jobs of every capability. */
export const CORE_CHANNELS = {
  'app:info': channel<AppInfo>()(empty),

  'installation:get': channel<InstallationView | null>()(empty),
  'installation:set': channel<InstallationView>()(
    z
      .object({ name: z.string().trim().min(1).max(200), initials: z.string().trim().min(1).max(10), language: z.enum(INTERFACE_LANGUAGES).optional() })
      .strict(),
  ),

  /** The desktop menu follows the interface language; the browser host has no menu (false). */
  'app:menuLabels': channel<{ applied: boolean }>()(
    z.object({ labels: z.object(Object.fromEntries(MENU_LABEL_KEYS.map((key) => [key, menuLabel])) as Record<(typeof MENU_LABEL_KEYS)[number], typeof menuLabel>).strict() }).strict(),
  ),

  'files:list': channel<WorkspaceFileView[]>()(z.object({ kind: fileKind.optional() }).strict()),
  'dialog:pickFile': channel<{ file: string | null }>()(
    z.object({ mode: z.enum(['open', 'save']), suggestedName: z.string().max(300).optional(), kind: fileKind.optional() }).strict(),
  ),
  'window:showEngagement': channel<{ inNewWindow: boolean }>()(withHandle),

  'recent:list': channel<RecentEngagementView[]>()(empty),
  'recent:remove': channel<null>()(z.object({ file: fileRefSchema }).strict()),

  'engagement:create': channel<OpenedEngagementView>()(z.object({ file: fileRefSchema, fields: engagementFieldsSchema }).strict()),
  'engagement:open': channel<OpenedEngagementView>()(
    z.object({ file: fileRefSchema, recoverHotJournal: z.boolean().optional() }).strict(),
  ),
  /** The demo in the interface language: zh-CN opens its Chinese twin (a Chinese provider, a Chinese CB); English otherwise. */
  'engagement:openDemo': channel<OpenedEngagementView>()(z.object({ language: z.enum(INTERFACE_LANGUAGES).optional() }).strict()),
  'engagement:handles': channel<EngagementSummaryView[]>()(empty),
  'engagement:summary': channel<EngagementSummaryView>()(withHandle),
  'engagement:update': channel<Engagement>()(z.object({ engagementHandle: handleSchema, patch: engagementPatchSchema }).strict()),
  'engagement:roster': channel<EngagementRosterView>()(withHandle),
  'engagement:close': channel<null>()(withHandle),

  'backup:list': channel<BackupView[]>()(empty),
  'backup:usage': channel<BackupUsageView>()(empty),
  'backup:restore': channel<CopyView>()(z.object({ backupId: z.string().min(1).max(64), file: fileRefSchema }).strict()),

  'job:start': channel<{ jobId: string }>()(jobStartSchema),
  'jobs:poll': channel<JobPollView>()(z.object({ afterSeq: z.number().int().min(0), waitMs: z.number().int().min(0).max(30_000).optional() }).strict()),
  'job:cancel': channel<null>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
} as const;
