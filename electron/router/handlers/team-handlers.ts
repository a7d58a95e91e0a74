import type { AuthorView, ImportPreviewView } from '../../../shared/contract/team-views.ts';
import { TEAM_MEMBER_TABLE } from '../../../shared/tables/engagement-tables.ts';
import { typedRows } from '../../store/typed-rows.ts';
import { TeamService, type ImportPreview } from '../../team/index.ts';
import { mapJob } from '../job-starters.ts';
import { copyView } from './views.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Who an actor id is, for people reading conflicts and field authors: team, imports, this installation. */
async function actorNames(deps: RouterDeps, team: TeamService, handle: string): Promise<Map<string, string>> {
  const { service } = deps;
  const names = new Map<string, string>();
  const overview = await team.teamOverview(handle);
  for (const actor of overview.actors) names.set(actor.actorId, actor.name);
  // In a member's copy the lead wrote everything before it: the copy records the lead's name.
  if (overview.memberCopyOf?.issuedByName) names.set(overview.memberCopyOf.issuedBy, overview.memberCopyOf.issuedByName);
  for (const member of typedRows(TEAM_MEMBER_TABLE, await service.listRows(handle, 'team_member'))) {
    if (member.actor_id) names.set(member.actor_id, member.name);
  }
  const me = await service.installation();
  if (me) names.set(me.actorId, me.name);
  return names;
}

/** Turns actor ids into the names people read, for every author view of one request. */
async function authorOf(deps: RouterDeps, team: TeamService, handle: string): Promise<(write: { actorId: string; wallTime: string }) => AuthorView> {
  const names = await actorNames(deps, team, handle);
  const me = (await deps.service.installation())?.actorId;
  return ({ actorId, wallTime }) => ({ actorName: names.get(actorId) ?? actorId.slice(0, 8), wallTime, byMe: actorId === me });
}

export const previewView = (preview: ImportPreview): ImportPreviewView => ({
  fileName: preview.fileName,
  kind: preview.kind,
  encrypted: preview.encrypted,
  sha256: preview.sha256,
  sourceActorName: preview.sourceActorName,
  entriesAdded: preview.entriesAdded,
  entriesAlreadyPresent: preview.entriesAlreadyPresent,
  rowsAdded: preview.rowsAdded,
  fieldsChanged: preview.fieldsChanged,
  conflictsOpened: preview.conflictsOpened,
  conflictsOpen: preview.conflictsOpen,
  clockAheadMs: preview.clockAheadMs,
  files: preview.files,
});

/** The Team section: member copies, return packages, imports with a preview, conflicts. */
export function registerTeamHandlers(router: Router, deps: RouterDeps): void {
  const { service, platform } = deps;
  const team = new TeamService(service);

  router.jobs.register('team:memberCopy', (input, onProgress) =>
    mapJob(team.makeMemberCopy(input.engagementHandle, input.memberId, platform.resolveFile(input.file, 'save'), onProgress), (copy) => copyView(copy, platform)),
  );
  router.jobs.register('team:exportPackage', (input, onProgress) =>
    mapJob(
      team.exportPackage(input.engagementHandle, platform.resolveFile(input.file, 'save', 'package'), input.passphrase ?? null, input.includeFiles ?? false, onProgress),
      (copy) => copyView(copy, platform),
    ),
  );
  router.jobs.register('team:previewImport', (input, onProgress) =>
    mapJob(team.previewImport(input.engagementHandle, platform.resolveFile(input.file, 'open', 'import'), input.passphrase ?? null, onProgress), previewView),
  );
  router.jobs.register('team:import', (input, onProgress) =>
    mapJob(team.importFrom(input.engagementHandle, platform.resolveFile(input.file, 'open', 'import'), input.passphrase ?? null, onProgress), previewView),
  );

  router.register('team:overview', async ({ engagementHandle }) => {
    const overview = await team.teamOverview(engagementHandle);
    const names = await actorNames(deps, team, engagementHandle);
    return {
      memberCopyOf: overview.memberCopyOf
        ? {
            memberName: overview.memberCopyOf.memberName,
            issuedAt: overview.memberCopyOf.issuedAt,
            issuedByName: names.get(overview.memberCopyOf.issuedBy) ?? '',
          }
        : null,
      memberCopies: overview.memberCopies.map((copy) => ({
        id: copy.id,
        memberId: copy.member_id,
        memberName: copy.member_name,
        issuedAt: copy.issued_at,
        fileName: copy.file_name,
        sha256: copy.sha256,
      })),
      imports: overview.imports.map((record) => ({
        id: record.id,
        importedAt: record.imported_at,
        sourceKind: record.source_kind,
        sourceName: record.source_name,
        actorName: record.source_actor_name,
        entriesAdded: record.entries_added,
        fieldsChanged: record.fields_changed,
        conflictsOpened: record.conflicts_opened,
      })),
      openConflicts: overview.openConflicts,
      packageFiles: overview.packageFiles,
    };
  });

  router.register('team:conflicts', async ({ engagementHandle }) => {
    const names = await actorNames(deps, team, engagementHandle);
    return (await team.listConflicts(engagementHandle)).map((conflict) => ({
      entity: conflict.entity,
      rowId: conflict.rowId,
      field: conflict.field,
      rowLabel: conflict.rowLabel,
      candidates: conflict.candidates.map((candidate) => ({
        replicaId: candidate.replicaId,
        seq: candidate.seq,
        value: candidate.value,
        actorName: names.get(candidate.actorId) ?? candidate.actorId.slice(0, 8),
        wallTime: candidate.wallTime,
        shown: candidate.shown,
        clockAhead: candidate.clockAhead,
      })),
    }));
  });

  router.register('team:decide', async ({ engagementHandle, decisions }) => ({
    decided: await team.decideConflicts(engagementHandle, decisions),
  }));

  router.register('engagement:fieldAuthors', async ({ engagementHandle, entity, rowId }) => {
    const author = await authorOf(deps, team, engagementHandle);
    return (await service.call(engagementHandle, 'fieldHistory', entity, rowId)).map((entry) => ({
      field: entry.field,
      ...author({ actorId: entry.actor_id, wallTime: entry.wall_time }),
    }));
  });

  router.register('engagement:tableAuthors', async ({ engagementHandle, entity }) => {
    const author = await authorOf(deps, team, engagementHandle);
    return (await team.tableAuthors(engagementHandle, entity)).map((row) => ({
      rowId: row.rowId,
      added: author(row.added),
      changed: row.changed.map(({ field, ...write }) => ({ field, ...author(write) })),
    }));
  });
}
