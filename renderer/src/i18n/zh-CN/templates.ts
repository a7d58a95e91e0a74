import type { Translation } from '../en/index.ts';
import type { EN_TEMPLATES } from '../en/templates.ts';

/** 简体中文：认证机构 Word 模板检查发现的问题。 */
export const ZH_TEMPLATES: Translation<typeof EN_TEMPLATES> = {
  templates: {
    where: '{{part}} 第 {{paragraph}} 段：“{{excerpt}}”',
    found: {
      empty: '空文件',
      pdf: 'PDF 文件',
      doc: 'Word 97–2003 文档（.doc）',
      rtf: 'RTF 文档',
      odt: 'OpenDocument 文本（.odt）',
      xlsx: '电子表格',
      pptx: '演示文稿',
      dotx: 'Word 模板（.dotx）',
      xml: 'XML 文件或网页',
      zip: 'zip 压缩包',
      unknown: '未知类型的文件',
    },
    issues: {
      NOT_DOCX: '该文件不是 Word 文档（.docx），而是$t(templates.found.{{found}})。请在 Word 中打开并另存为“Word 文档 (*.docx)”。',
      TEMPLATE_TOO_LARGE: '模板过大：每个模板最大 10 MB。',
      ENCRYPTED: '该文档设有密码保护。请在 Word 中取消密码后重新保存。',
      MACRO_ENABLED: '该文档含有宏（{{part}}）。请在 Word 中另存为“Word 文档 (*.docx)”，宏将被去除。',
      ACTIVE_CONTENT: '该文档含有审核工作台不填写的控件或导入内容（{{part}}）。请在 Word 中删除。',
      EXTERNAL_CONTENT: '该文档打开时会从外部加载内容（{{kind}} {{target}}）。审核工作台离线工作，从不获取外部内容：请在 Word 中将图片插入文档，或删除该链接。',
      CORRUPT: '该文档已损坏，无法读取（{{reason}}）。请在 Word 中打开并重新保存后再导入。',
      TOO_MANY_PARTS: '该文件包含 {{count}} 个部件（上限 {{max}}），远多于 Word 文档应有的数量。',
      CONTENT_TOO_LARGE: '该文件解压后将超过 40 MB，不是普通的 Word 文档（可能是为耗尽内存而构造的文件）。',
      PART_TOO_LARGE: '文档的一个部件（{{part}}）过大，无法填写：文本超过 8 MB。',
      KIND_NOT_SUPPORTED: '本版审核工作台只填写审核计划和不符合报告模板。',
      UNCLOSED_TAG: '占位符未闭合：“{{text}}”在其段落中没有右花括号。',
      STRAY_CLOSING_BRACE: '右花括号之前在同一段落中没有左花括号。',
      UNCLOSED_SECTION: '区段“#{{name}}”没有结束：请在其结束处加上带花括号的“/{{name}}”。',
      UNOPENED_SECTION_END: '“/{{name}}”结束了一个从未开始的区段。',
      MISMATCHED_SECTION_END: '“/{{close}}”结束的是区段“#{{open}}”：区段应按与开始相反的顺序结束。',
      FILL_FAILED: '无法填写该模板（{{error}}）。请检查其重复区段和条件的占位符。',
      UNKNOWN_PLACEHOLDER: '“{{name}}”不是审核工作台认识的占位符（出现 {{count}} 次）：将留空。',
      OUTSIDE_SECTION: '“{{name}}”应位于区段“#{{section}}”之内：在此处将留空。',
      SECTION_AS_TEXT: '“{{name}}”是重复区段：请将要重复的内容放在带花括号的“#{{name}}”和“/{{name}}”之间。',
    },
  },
};
