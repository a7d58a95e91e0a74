import type { Translation } from '../en/index.ts';
import type { EN_NC_DOCUMENTS } from '../en/nc-documents.ts';

/** 简体中文（issue 17）。 */
export const ZH_NC_DOCUMENTS: Translation<typeof EN_NC_DOCUMENTS> = {
  ncDocuments: {
    title: '不符合报告和末次会议记录',
    intro: '为每项不符合打印一份不符合报告，供受审核方确认和回复；并导出末次会议记录。每次导出都是新版本，其指纹保存在审核项目中。',
    count_other: '{{count}} 个不符合',
    numbers: '报告编号：',
    none: '尚未提出不符合，没有需要打印的不符合报告。请在“审核发现”标签页（Alt+Shift+1）中提出审核发现；末次会议记录现在即可导出。',
    language: '文件语言',
    format: '格式',
    pdf: 'PDF（直接打印）',
    docx: 'Word（可修改）',
    template: '认证机构的不符合报告模板',
    perNc: '每项不符合一个文件（按编号命名）',
    templateChoose: '认证机构配置中的不符合报告模板',
    templateNone: '本审核项目的认证机构配置没有不符合报告模板。可选择一个 .docx 文件进行检查和填写。',
    templateFile: '使用 .docx 文件…',
    keep: '保存到本审核项目的认证机构配置',
    keepHint: '此后每次导出都可选用，并随各审核组成员的副本一起分发。',
    templateFileTitle: '选择认证机构的不符合报告模板（.docx）',
    templateRecordNote: '末次会议记录始终使用本软件的版式（选择模板时导出为 Word）。',
    placeholders: '不符合报告占位符',
    placeholdersIntro: '将整张表单置于 {#ncs} … {/ncs} 之间生成一个文件；或使用 nc. 开头的名称，每项不符合生成一个文件。',
    exportForms: '导出不符合报告…',
    exportRecord: '导出末次会议记录…',
    formsFileName: '不符合报告 {{client}} 第{{revision}}版',
    recordFileName: '末次会议记录 {{client}} 第{{revision}}版',
    formsDone_other: '已生成第 {{revision}} 版：{{count}} 个文件',
    historyForms: '已导出的不符合报告',
    historyRecord: '已导出的末次会议记录',
    readOnly: '以只读方式打开：导出需记录在审核项目中，因此无法导出。',
  },
};
