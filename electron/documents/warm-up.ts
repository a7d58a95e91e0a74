/**
 * What the documents worker renders once when asked to warm up (`DocumentRenderer.warmUp()`): a
 * small document with every kind of block, Chinese and Latin, bold and plain, so the first real PDF
 * of a session finds pdfmake's and the font library's code already compiled (measured: a cold
 * 80-session plan takes about twice as long as a warm one).
 */
import { cell, contentsOf, heading, line, paragraph, title, type Block, type DocumentModel } from '../../shared/documents/model.ts';

export function warmUpDocument(): DocumentModel {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    cells: [cell(`0${8 + (i % 2)}:00–10:30`), cell([[{ text: `事件管理 Incident management ${i}`, bold: true }], line('过程：变更管理、发布和部署管理'), line('Clauses: 8.5.1, 8.5.3')]), cell('北京总部（中心职能）'), cell('王芳，服务管理部经理'), cell('AB, 李伟')],
  }));
  const body: Block[] = [
    heading(1, '1  审核概况 Audit details'),
    { kind: 'keyValue', keyWidth: { fraction: 0.3 }, rows: [{ key: '受审核方', value: [[{ text: '北京云泰数据服务有限公司', bold: true }]] }, { key: 'Audit scope', value: [line('The service management system 信息技术服务管理体系')] }] },
    heading(2, '第 1 天 — 2026年12月7日（星期一）'),
    { kind: 'table', columns: [{ header: '时间', width: { mm: 22 } }, { header: 'Activity', width: { fraction: 0.42 } }, { header: '地点', width: { fraction: 0.22 } }, { header: 'Auditees', width: { fraction: 0.22 } }, { header: '审核组成员', width: { fraction: 0.14 } }], rows: [...rows, { tone: 'muted', cells: [cell('12:30–13:30'), cell([[{ text: '午餐 Lunch', italic: true }]], 4)] }] },
    paragraph('当日审核活动：现场 6小时30分钟，远程 2小时30分钟。 Audit activities this day.', { tone: 'note' }),
    { kind: 'list', items: [line('受审核方如对审核组任何成员有异议，可说明理由提出。'), line('The client may object to any member of the team.')] },
    { kind: 'signatures', labels: { role: '职责', name: 'Name', signature: '签字', date: 'Date' }, signatories: [{ role: '编制（审核组长）', name: 'Anna Berg' }] },
  ];
  return {
    identity: { kind: 'warm-up', title: '审核计划', reference: 'WARM-UP', revision: 1, issuedAt: '2026-01-01T00:00:00.000Z', issuedBy: 'Audit Workbench', language: 'zh-Hans' },
    branding: { bodyName: '认证机构 Certification body', logoDataUrl: null },
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 32, right: 18, bottom: 22, left: 18 } },
    running: { headerRight: '审核计划 | WARM-UP | 第 1 版', footerLeft: 'Issued | 保密', pageNumber: ['第 ', { field: 'page' }, ' 页，共 ', { field: 'pages' }, ' 页'] },
    blocks: [title('审核计划 Audit plan', '北京云泰数据服务有限公司 — 第二阶段审核'), contentsOf(body, '目录'), ...body],
  };
}
