import type { Translation } from '../en/index.ts';
import type { EN_SITES } from '../en/sites.ts';

/** 简体中文: the sites editor (多场所 terms as in CNCA / IAF MD 1 practice). */
export const ZH_SITES: Translation<typeof EN_SITES> = {
  sites: {
    title: '场所',
    intro: '受审核方的全部场所：认证范围内的场所需要抽样和现场审核；范围外的场所也请记录，以便报告说明其未纳入的原因。更改会自动保存。',
    empty: '尚无场所。请先添加中心职能场所（管理服务管理体系的场所），再添加其他各场所。',
    name: '场所',
    kind: '类型',
    headcount: '人数',
    headcountNegative: '人数不能为负数：请输入 0 或以上的数字',
    inScope: '在认证范围内',
    address: '地址',
    country: '国家/地区',
    activities: '该场所开展的活动',
    newName: '新场所',
    newNamePlaceholder: '场所名称',
    add: '添加场所',
    delete: '删除场所“{{name}}”',
    deleted: '已删除场所“{{name}}”。',
  },
  siteKind: { central: '中心职能场所', permanent: '固定场所', temporary: '临时场所', virtual: '虚拟场所' },
};
