import { z } from 'zod';
import type { Engagement } from '../engagement.ts';
import {
  empty,
  engagementFieldsSchema,
  engagementPatchSchema,
  fileKind,
  fileRefSchema,
  handleSchema,
  packKeySchema,
  tablePackMetaSchema,
  withHandle,
} from './schemas.ts';
import type { ChecklistPack } from '../checklist/pack.ts';
import type { EngagementChecklistView, EngagementPackView, PackImportView, PackLibraryView } from './pack-views.ts';
import { jobStartSchema } from './jobs.ts';
import type { ConflictItemView, FieldAuthorView, TeamOverviewView } from './team-views.ts';
import type {
  AppInfo,
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

/**
 * The contract: channel → input schema + output type. Names are `capability:verb`. Handlers are
 * registered once per channel in electron/router; the renderer calls them through the client.
 * `output` exists only for its type.
 */
const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

export const CHANNELS = {
  'app:info': channel<AppInfo>()(empty),

  'installation:get': channel<InstallationView | null>()(empty),
  'installation:set': channel<InstallationView>()(
    z.object({ name: z.string().trim().min(1).max(200), initials: z.string().trim().min(1).max(10) }).strict(),
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
  'engagement:openDemo': channel<OpenedEngagementView>()(empty),
  'engagement:handles': channel<EngagementSummaryView[]>()(empty),
  'engagement:summary': channel<EngagementSummaryView>()(withHandle),
  'engagement:update': channel<Engagement>()(z.object({ engagementHandle: handleSchema, patch: engagementPatchSchema }).strict()),
  'engagement:roster': channel<EngagementRosterView>()(withHandle),
  'engagement:close': channel<null>()(withHandle),

  'backup:list': channel<BackupView[]>()(empty),
  'backup:restore': channel<CopyView>()(z.object({ backupId: z.string().min(1).max(64), file: fileRefSchema }).strict()),

  'engagement:fieldAuthors': channel<FieldAuthorView[]>()(
    z.object({ engagementHandle: handleSchema, entity: z.enum(['engagement', 'site', 'team_member']), rowId: z.string().min(1).max(100) }).strict(),
  ),

  'packs:list': channel<PackLibraryView>()(empty),
  'packs:get': channel<ChecklistPack>()(z.object({ key: packKeySchema }).strict()),
  'packs:import': channel<PackImportView>()(z.object({ file: fileRefSchema, table: tablePackMetaSchema.optional() }).strict()),
  'packs:export': channel<{ file: string; sha256: string }>()(z.object({ key: packKeySchema, file: fileRefSchema }).strict()),
  'engagement:choosePack': channel<EngagementPackView>()(z.object({ engagementHandle: handleSchema, key: packKeySchema }).strict()),
  'engagement:checklist': channel<EngagementChecklistView | null>()(withHandle),

  'team:overview': channel<TeamOverviewView>()(withHandle),
  'team:conflicts': channel<ConflictItemView[]>()(withHandle),
  'team:decide': channel<{ decided: number }>()(
    z
      .object({
        engagementHandle: handleSchema,
        decisions: z
          .array(
            z
              .object({
                entity: z.string().min(1).max(100),
                rowId: z.string().min(1).max(100),
                field: z.string().min(1).max(100),
                replicaId: z.string().min(1).max(100),
                seq: z.number().int().min(1),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),

  'job:start': channel<{ jobId: string }>()(jobStartSchema),
  'jobs:poll': channel<JobPollView>()(z.object({ afterSeq: z.number().int().min(0), waitMs: z.number().int().min(0).max(30_000).optional() }).strict()),
  'job:cancel': channel<null>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
} as const;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.infer<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Channels[C]['output'];
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** Whether a parsed payload names an engagement handle: the router checks the caller leases it. */
export function handleOf(payload: unknown): string | null {
  const handle = (payload as { engagementHandle?: unknown } | null)?.engagementHandle;
  return typeof handle === 'string' ? handle : null;
}

/** Channels whose payload (or one of its variants) names an engagement handle. */
export function takesHandle(name: ChannelName): boolean {
  const input = CHANNELS[name].input as unknown as { shape?: Record<string, unknown>; options?: { shape: Record<string, unknown> }[] };
  if (input.shape) return 'engagementHandle' in input.shape;
  return Boolean(input.options?.some((option) => 'engagementHandle' in option.shape));
}
