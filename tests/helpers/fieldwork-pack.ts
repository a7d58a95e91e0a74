import { PACK_FORMAT, PACK_FORMAT_VERSION, type ChecklistPack, type ChecklistQuestion } from '../../shared/checklist/pack.ts';
import type { PlanSession } from '../../shared/plan/plan-rows.ts';

const q = (id: string, en: string, zh?: string, guidance?: string): ChecklistQuestion => ({
  id,
  text: zh ? { en, 'zh-Hans': zh } : { en },
  ...(guidance ? { guidance: { en: guidance } } : {}),
});

/** A small bilingual pack shaped like the shipped one: clause groups 4, 5, 9, 10, 8.1, and two processes (change with a subclause, incident). */
export const FIELDWORK_PACK: ChecklistPack = {
  format: PACK_FORMAT,
  formatVersion: PACK_FORMAT_VERSION,
  id: 'test.fieldwork',
  version: '1.0.0',
  title: { en: 'Fieldwork test pack', 'zh-Hans': '现场审核测试检查表' },
  standard: { designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018' },
  languages: ['en', 'zh-Hans'],
  defaultLanguage: 'en',
  processes: [
    { key: 'change', clause: '8.5.1' },
    { key: 'incident', clause: '8.6.1' },
  ],
  clauses: [
    { id: '4', number: '4', parent: null, title: { en: 'Context of the organization' } },
    { id: '4.1', number: '4.1', parent: '4', title: { en: 'Understanding the organization' }, questions: [q('4.1-q01', 'Ask for the context analysis.', '索取组织环境分析。', 'SWOT or PESTLE'), q('4.1-q02', 'Check that it is reviewed.')] },
    { id: '5.1', number: '5.1', parent: null, title: { en: 'Leadership' }, questions: [q('5.1-q01', 'Interview top management.')] },
    { id: '8.1', number: '8.1', parent: null, title: { en: 'Operational planning' }, questions: [q('8.1-q01', 'Check operational planning and control.')] },
    { id: '8.5.1', number: '8.5.1', parent: null, title: { en: 'Change management' }, questions: [q('8.5.1-q01', 'Are emergency changes reviewed?', '紧急变更是否经过评审？'), q('8.5.1-q02', 'Is the change schedule communicated?')] },
    { id: '8.5.1.1', number: '8.5.1.1', parent: '8.5.1', title: { en: 'Change management policy' }, questions: [q('8.5.1.1-q01', 'Ask for the change policy.', undefined, 'Release and deployment criteria')] },
    { id: '8.6.1', number: '8.6.1', parent: null, title: { en: 'Incident management' }, questions: [q('8.6.1-q01', 'Are incidents prioritized?', '事件是否确定优先级？'), q('8.6.1-q02', 'Are major incidents reviewed?')] },
    { id: '9.2', number: '9.2', parent: null, title: { en: 'Internal audit' }, questions: [q('9.2-q01', 'Ask for the audit programme.'), q('9.2-q02', 'Sample internal audit reports.')] },
    { id: '10.1', number: '10.1', parent: null, title: { en: 'Nonconformity and corrective action' }, questions: [q('10.1-q01', 'Follow a corrective action.')] },
  ],
};

/** A plan session row as `plan:load` gives it. */
export function planSession(id: string, day: string, start: string, end: string, siteId: string | null = null): PlanSession {
  return {
    id,
    engagement_id: 'e',
    day,
    start_time: start,
    end_time: end,
    kind: 'audit',
    title: id,
    site_id: siteId,
    remote: siteId ? 0 : 1,
    remote_tool: '',
    identity_check: '',
    remote_fallback: '',
    notes: '',
  } as unknown as PlanSession;
}
