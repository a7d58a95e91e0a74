import type { Translation } from '../en/index.ts';
import type { EN_OTHER_PARTIES } from '../en/other-parties.ts';

/** 简体中文: 其他方（ISO/IEC 20000-1 8.2.3 / 8.3.4；其他方不是 4.2 的相关方）. */
export const ZH_OTHER_PARTIES: Translation<typeof EN_OTHER_PARTIES> = {
  otherParties: {
    title: '其他方',
    intro: '为组织运行部分服务的各方（8.2.3）：外部供方、内部供方和作为供方的顾客——各自运行什么（服务、服务组件或过程），以及组织如何保持对其的责任和控制。',
    empty: '尚无其他方。请逐一添加为组织运行服务、服务组件或过程的外部供方、内部供方或作为供方的顾客。',
    name: '其他方',
    kind: '类型',
    operatesElement: '运行对象',
    operates: '具体运行内容',
    operatesPlaceholder: '例如：数据中心托管、一线服务台',
    service: '涉及的服务',
    serviceNone: '无特定服务',
    serviceNoneYet: '尚未添加范围内的服务',
    serviceGone: '已删除的服务',
    control: '如何保持控制',
    controlPlaceholder: '合同、运营级别协议、绩效报告、定期评审……',
    newName: '新的其他方',
    newNamePlaceholder: '供方或顾客的名称',
    add: '添加其他方',
    delete: '删除其他方“{{name}}”',
    deleted: '已删除其他方“{{name}}”。',
    allOperatedTitle: '范围内的全部服务均由其他方运行',
    allOperated: 'ISO/IEC 20000-1（8.2.3）不允许由其他方运行范围内的全部服务：否则组织无法证实其符合该标准。请与受审核方核实范围。',
  },
  otherPartyKind: { external_supplier: '外部供方', internal_supplier: '内部供方', customer_as_supplier: '作为供方的顾客' },
  operatedElement: { service: '服务', component: '服务组件', process: '过程' },
};
