import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CATEGORIES } from '../../../../shared/scope/service-categories.ts';
import { en } from '../../i18n/en/index.ts';
import { zhCN } from '../../i18n/zh-CN/index.ts';
import { categoryLabel, categoryOptions, toStoredCategory } from './category-options.ts';

let english: TFunction;
let chinese: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } } });
  english = i18n.getFixedT('en');
  chinese = i18n.getFixedT('zh-CN');
});

describe('the categories in the interface', () => {
  it('offer the eight by key, each named in both languages (Chinese names distinct from English)', () => {
    expect(categoryOptions(english).map((o) => o.value)).toEqual([...SERVICE_CATEGORIES]);
    const names = categoryOptions(chinese).map((o) => o.label);
    expect(names).toEqual(['信息技术咨询规划', '软件设计开发', '信息系统测试和软件产品测试', '信息系统/软件工程监理', '基础设施及软硬件运行维护', '电子商务支持', '数据处理', '呼叫中心/服务台']);
    expect(new Set(categoryOptions(english).map((o) => o.label)).size).toBe(8);
  });

  it('read a stored key in the interface language and free text as typed', () => {
    expect(categoryLabel(english, 'call-centre-service-desk')).toBe('Call centre / service desk');
    expect(categoryLabel(chinese, 'call-centre-service-desk')).toBe('呼叫中心/服务台');
    expect(categoryLabel(chinese, 'Cloud hosting')).toBe('Cloud hosting');
  });

  it('store a known name typed in full by key, in the interface language or English; anything else as typed', () => {
    expect(toStoredCategory(' 数据处理 ', [chinese, english])).toBe('data-processing');
    expect(toStoredCategory('Data  Processing', [chinese, english])).toBe('data-processing');
    expect(toStoredCategory('数据处理', [english])).toBe('数据处理');
    expect(toStoredCategory('e-commerce-support', [english])).toBe('e-commerce-support');
    expect(toStoredCategory(' 云服务 ', [chinese, english])).toBe('云服务');
  });
});
