/**
 * What each column of a client's ITSM export is for the sampling: the roles an auditor maps, the
 * presets of common tools' exports (their header names per role), the guess of a mapping from the
 * headers, and the clean-up of header names. Pure: the readers (electron/sampling/source/) and the
 * preview screen use the same rules. Keep only what the audit needs: a column nobody recognizes is
 * dropped unless the auditor keeps it.
 */

import { COLUMN_ROLES, type ColumnRole } from './sampling-kinds.ts';

export { COLUMN_ROLES, type ColumnRole };
/** The roles a preset names; 'attribute' (kept, free) and 'drop' are the auditor's choice. */
export type MappedRole = Exclude<ColumnRole, 'attribute' | 'drop'>;
export const MAPPED_ROLES: readonly MappedRole[] = ['id', 'opened', 'closed', 'priority', 'category', 'status', 'assignee', 'site'];

export interface ExportPreset {
  readonly id: string;
  /** The tool's own name (not translated). */
  readonly label: string;
  /** Header names per role as the tool writes them (display labels and field names); compared case- and space-insensitively. */
  readonly headers: Readonly<Partial<Record<MappedRole, readonly string[]>>>;
}

export const EXPORT_PRESETS: readonly ExportPreset[] = [
  {
    id: 'servicenow-incident',
    label: 'ServiceNow (incident)',
    headers: {
      id: ['Number', 'number'],
      opened: ['Opened', 'opened_at', 'Created', 'sys_created_on'],
      closed: ['Closed', 'closed_at', 'Resolved', 'resolved_at'],
      priority: ['Priority', 'priority'],
      category: ['Category', 'category'],
      status: ['State', 'state', 'Incident state', 'incident_state'],
      assignee: ['Assigned to', 'assigned_to'],
      site: ['Location', 'location'],
    },
  },
  {
    id: 'servicenow-change',
    label: 'ServiceNow (change request)',
    headers: {
      id: ['Number', 'number'],
      opened: ['Opened', 'opened_at', 'Planned start date', 'start_date'],
      closed: ['Closed', 'closed_at', 'Actual end date', 'work_end'],
      priority: ['Risk', 'risk', 'Priority'],
      category: ['Type', 'type', 'Category'],
      status: ['State', 'state'],
      assignee: ['Assigned to', 'assigned_to'],
      site: ['Location', 'location'],
    },
  },
  {
    id: 'jira-service-management',
    label: 'Jira Service Management',
    headers: {
      id: ['Issue key', 'Key'],
      opened: ['Created'],
      closed: ['Resolved', 'Resolution date'],
      priority: ['Priority'],
      category: ['Request Type', 'Customer Request Type', 'Custom field (Customer Request Type)', 'Issue Type', 'Component/s'],
      status: ['Status'],
      assignee: ['Assignee'],
      site: ['Custom field (Location)', 'Location'],
    },
  },
  {
    id: 'bmc-helix',
    label: 'BMC Helix ITSM / Remedy',
    headers: {
      id: ['Incident ID', 'Incident Number', 'Infrastructure Change ID', 'Change ID', 'Request ID'],
      opened: ['Reported Date', 'Submit Date', 'Submitted Date'],
      closed: ['Closed Date', 'Last Resolved Date', 'Completed Date'],
      priority: ['Priority'],
      category: ['Operational Categorization Tier 1', 'Categorization Tier 1', 'Product Categorization Tier 1', 'Service'],
      status: ['Status'],
      assignee: ['Assignee', 'Assignee+', 'Change Coordinator'],
      site: ['Site', 'Site Group'],
    },
  },
  {
    id: 'topdesk',
    label: 'TOPdesk',
    headers: {
      id: ['Incident number', 'Number', 'Incidentnummer', 'Change number', 'Wijzigingsnummer'],
      opened: ['Call date', 'Date of call', 'Creation date', 'Meldingsdatum', 'Aanmelddatum'],
      closed: ['Closed date', 'Closure date', 'Date closed', 'Afmelddatum', 'Datum afgemeld'],
      priority: ['Priority', 'Prioriteit'],
      category: ['Category', 'Categorie'],
      status: ['Processing status', 'Status', 'Behandelstatus'],
      assignee: ['Operator', 'Behandelaar'],
      site: ['Branch', 'Vestiging', 'Location'],
    },
  },
  {
    id: 'freshservice',
    label: 'Freshservice',
    headers: {
      id: ['Ticket Id', 'Ticket ID', 'Change ID', 'Display Id'],
      opened: ['Created Date', 'Created Time', 'Created at'],
      closed: ['Closed Date', 'Closed Time', 'Resolved Date', 'Resolved Time'],
      priority: ['Priority'],
      category: ['Category', 'Type'],
      status: ['Status'],
      assignee: ['Agent', 'Assigned Agent'],
      site: ['Location', 'Requester Location'],
    },
  },
  {
    id: 'manageengine-sdp',
    label: 'ManageEngine ServiceDesk Plus',
    headers: {
      id: ['Request ID', 'RequestID', 'Change ID'],
      opened: ['Created Time', 'Created Date', 'Created On'],
      closed: ['Completed Time', 'Closed Time', 'Resolved Time', 'Completed Date'],
      priority: ['Priority'],
      category: ['Category', 'Request Type'],
      status: ['Request Status', 'Status'],
      assignee: ['Technician'],
      site: ['Site'],
    },
  },
  {
    id: 'chinese-itsm',
    label: '中文 ITSM 导出',
    headers: {
      id: ['工单编号', '工单号', '事件编号', '事件单号', '变更编号', '单号', '编号'],
      opened: ['创建时间', '提交时间', '登记时间', '报告时间', '发生时间'],
      closed: ['关闭时间', '结单时间', '解决时间', '完成时间'],
      priority: ['优先级', '紧急程度'],
      category: ['分类', '类别', '服务分类', '事件分类', '工单类型'],
      status: ['状态', '工单状态', '处理状态'],
      assignee: ['处理人', '负责人', '受理人', '处理工程师'],
      site: ['地点', '站点', '位置', '所属地点', '区域'],
    },
  },
];

/** Case-, width- and space-insensitive form of a header (NFKC folds full-width letters and spaces). */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_]+/g, '');
}

export interface MappingGuess {
  /** The preset whose names fit best, or null when none fits two roles. */
  readonly presetId: string | null;
  /** One role per column, in the columns' order. */
  readonly roles: readonly ColumnRole[];
}

/**
 * The best preset (most roles found among the headers, the id counting double; ties to the earlier
 * preset) and a role per column. Roles the preset leaves unfound are tried by every preset's names; a
 * role goes to one column only (the first); anything else is 'drop'.
 */
export function guessMapping(headers: readonly string[]): MappingGuess {
  const keys = headers.map(headerKey);
  let best: { preset: ExportPreset; roles: (MappedRole | null)[]; score: number } | null = null;
  for (const preset of EXPORT_PRESETS) {
    const roles = assign(keys, [preset]);
    const score = roles.reduce((s, r) => s + (r === null ? 0 : r === 'id' ? 2 : 1), 0);
    const found = roles.filter((r) => r !== null).length;
    if (found >= 2 && (best === null || score > best.score)) best = { preset, roles, score };
  }
  const roles = best ? best.roles : keys.map(() => null);
  const fallback = assign(keys, EXPORT_PRESETS, new Set(roles.filter((r): r is MappedRole => r !== null)));
  return { presetId: best?.preset.id ?? null, roles: roles.map((r, i) => r ?? fallback[i] ?? 'drop') };
}

/** Each role to the first column whose key one of the presets names for it (in role order, a column taken once). */
function assign(keys: readonly string[], presets: readonly ExportPreset[], taken: ReadonlySet<MappedRole> = new Set()): (MappedRole | null)[] {
  const roles: (MappedRole | null)[] = keys.map(() => null);
  for (const role of MAPPED_ROLES) {
    if (taken.has(role)) continue;
    const names = presets.flatMap((p) => p.headers[role] ?? []).map(headerKey);
    // Earlier names are the preset's preferred ones: 'Closed' before 'Resolved'.
    for (const name of names) {
      const column = keys.findIndex((k, i) => k === name && roles[i] === null);
      if (column !== -1) {
        roles[column] = role;
        break;
      }
    }
  }
  return roles;
}

export interface CleanHeaders {
  /** Unique, non-empty names: an empty header becomes "Column 3" (1-based), a repeated one "Status (2)". */
  readonly headers: readonly string[];
  /** As the file wrote them. */
  readonly original: readonly string[];
}

export function cleanHeaders(raw: readonly string[]): CleanHeaders {
  const trimmed = raw.map((h) => h.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim());
  const used = new Set<string>();
  // Names the file already uses are reserved first, so "Column 2" made up for an empty one never clashes with a real one.
  const present = new Set(trimmed.filter((h) => h !== '').map((h) => h.toLowerCase()));
  const headers = trimmed.map((name, i) => {
    let base = name;
    if (base === '') {
      base = `Column ${i + 1}`;
      for (let n = 2; present.has(base.toLowerCase()) || used.has(base.toLowerCase()); n++) base = `Column ${i + 1} (${n})`;
    }
    let unique = base;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${base} (${n})`;
    used.add(unique.toLowerCase());
    return unique;
  });
  return { headers, original: [...raw] };
}
