import { describe, expect, it } from 'vitest';
import { cleanHeaders, EXPORT_PRESETS, guessMapping, headerKey } from './export-columns.ts';

describe('EXPORT_PRESETS', () => {
  it('has the common ITSM tools, each with an id column and unique ids', () => {
    expect(EXPORT_PRESETS.map((p) => p.id)).toEqual(['servicenow-incident', 'servicenow-change', 'jira-service-management', 'bmc-helix', 'topdesk', 'freshservice', 'manageengine-sdp', 'chinese-itsm']);
    for (const preset of EXPORT_PRESETS) expect(preset.headers.id?.length, preset.id).toBeGreaterThan(0);
  });
});

describe('guessMapping', () => {
  it('recognizes a ServiceNow incident export and drops what it does not know', () => {
    const guess = guessMapping(['Number', 'Opened', 'Short description', 'Caller', 'Priority', 'State', 'Category', 'Assigned to', 'Closed', 'Location']);
    expect(guess.presetId).toBe('servicenow-incident');
    expect(guess.roles).toEqual(['id', 'opened', 'drop', 'drop', 'priority', 'status', 'category', 'assignee', 'closed', 'site']);
  });

  it('recognizes Jira, ManageEngine and the Chinese export, ignoring case, width and spaces', () => {
    expect(guessMapping(['Summary', 'Issue key', 'Issue Type', 'Status', 'PRIORITY', 'Assignee', 'Created', 'Resolved'])).toEqual({
      presetId: 'jira-service-management',
      roles: ['drop', 'id', 'category', 'status', 'priority', 'assignee', 'opened', 'closed'],
    });
    expect(guessMapping(['Request ID', 'Subject', 'Technician', 'Created Time', 'Completed Time', 'Site']).presetId).toBe('manageengine-sdp');
    expect(guessMapping(['工单编号', '标题', '创建时间', '关闭时间', '优先级', '分类', '状态', '处理人', '地点 '])).toEqual({
      presetId: 'chinese-itsm',
      roles: ['id', 'drop', 'opened', 'closed', 'priority', 'category', 'status', 'assignee', 'site'],
    });
    expect(headerKey('Ｃｒｅａｔｅｄ  Time')).toBe('createdtime');
  });

  it('falls back to any preset’s names when none fits, and to drop', () => {
    expect(guessMapping(['Foo', 'Bar'])).toEqual({ presetId: null, roles: ['drop', 'drop'] });
    expect(guessMapping(['Ticket', 'Status'])).toEqual({ presetId: null, roles: ['drop', 'status'] });
  });
});

describe('cleanHeaders', () => {
  it('names empty headers by position and numbers duplicates, keeping the originals', () => {
    expect(cleanHeaders(['\uFEFFNumber', '', 'Status', 'status', ' Opened\n at ', 'Column 2', ''])).toEqual({
      headers: ['Number', 'Column 2 (2)', 'Status', 'status (2)', 'Opened at', 'Column 2', 'Column 7'],
      original: ['\uFEFFNumber', '', 'Status', 'status', ' Opened\n at ', 'Column 2', ''],
    });
  });
});
