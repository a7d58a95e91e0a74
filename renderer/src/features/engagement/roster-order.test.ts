import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderSites, orderTeam } from './roster-order.ts';

describe('the roster in the order a report lists it', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'zh-CN', resources: {} });
  });

  it('puts sites in scope first, the central function first, then names in pinyin order', () => {
    const sites = [
      { name: '上海分部', kind: 'permanent', in_scope: 1 },
      { name: '深圳机房', kind: 'permanent', in_scope: 0 },
      { name: '北京分部', kind: 'permanent', in_scope: 1 },
      { name: '总部', kind: 'central', in_scope: 1 },
      { name: '老系统', kind: 'mobile_unit', in_scope: 1 }, // a value this version does not know: kept, last
    ];
    expect(orderSites(sites).map((s) => s.name)).toEqual(['总部', '北京分部', '上海分部', '老系统', '深圳机房']);
  });

  it('puts the audit team leader first, then roles in order, then names', async () => {
    await i18next.changeLanguage('en');
    const team = [
      { name: 'Wei Zhang', role: 'auditor' },
      { name: 'Aoife Byrne', role: 'auditor' },
      { name: 'Helen Marsh', role: 'lead' },
      { name: 'Émile Roux', role: 'technical_expert' },
    ];
    expect(orderTeam(team).map((m) => m.name)).toEqual(['Helen Marsh', 'Aoife Byrne', 'Wei Zhang', 'Émile Roux']);
  });
});
