import type { Translation } from '../en/index.ts';
import type { EN_NOTEBOOK } from '../en/notebook.ts';

/**
 * 简体中文：审核笔记（issue 15）。A plan session is an 活动 (as in the plan); the people it talks to are
 * 受访人员; an evidence reference is 证据; records seen on screen are 查看的记录.
 */
export const ZH_NOTEBOOK: Translation<typeof EN_NOTEBOOK> = {
  notebook: {
    title: '审核笔记',
    intro: '每项活动一本笔记，随审核随手记录。添加笔记时，标记自动归档：@人员 加入受访人员，#记录编号 加入查看的记录，[[文件]] 加入证据，§条款 将该条笔记关联到检查表。',
    writingAs: '当前记录人：{{name}}',
    readOnly: '本审核项目以只读方式打开：笔记只能查看，不能填写。',
    whoTitle: '您是审核组中的哪一位？',
    whoText: '笔记将以该审核组成员的名义记录在本机的本审核项目中。只需选择一次。',
    whoNone: '请先将自己加入审核组（审核组，Alt+4）。',
    noPlan: '尚无审核计划。笔记按审核计划的活动记录：请先编制审核计划（审核计划，Alt+6），或为计划外的访谈新建一项临时活动。',
    goToPlan: '前往审核计划',
    chooseSession: '请在左侧选择一项活动，打开其笔记（Alt+↑ / Alt+↓ 切换活动）。',
    sessions: '活动',
    entriesCount_other: '{{count}} 条笔记',
    adHoc: {
      button: '临时活动',
      badge: '临时',
      title: '临时活动',
      text: '计划中没有的活动（现场巡视、与未安排人员的补充访谈等）。它将作为计划外已实施的活动加入审核计划，并打开其笔记。',
      name: '名称',
      namePlaceholder: '例如：与服务台负责人的补充访谈',
      topic: '覆盖的过程或条款',
      topicHint: '笔记中用 # 标记的记录将归入该过程或条款。',
      noTopic: '暂不指定',
      day: '日期',
      start: '开始',
      end: '结束',
      endBeforeStart: '结束时间须晚于开始时间。',
      nameRequired: '请填写活动名称。',
      create: '开始活动',
      cancel: '取消',
    },
    session: {
      untitled: '未命名活动',
      remote: '远程',
      noTopics: '该活动尚未覆盖任何过程或条款：用 # 标记的记录无法归档。请在审核计划中补充（Alt+6），或为每条笔记选择所属过程或条款。',
    },
    people: {
      title: '受访人员',
      none: '尚无受访人员：在笔记中输入“@姓名，职务”，或将计划中的受访人员标记为已访谈。',
      expected: '计划访谈',
      expectedHint: '计划中的受访人员，尚未访谈',
      met: '已访谈',
      role: '职务',
      organization: '单位',
      remove: '将{{name}}从本活动的受访人员中移除',
      removed: '已将{{name}}从本活动的受访人员中移除',
    },
    entries: {
      empty: '本活动尚无笔记。请在下方输入：Enter 添加笔记，Shift+Enter 换行。',
      edit: '编辑笔记',
      delete: '删除笔记',
      deleted: '已删除 {{time}} 的笔记',
      saving: '正在保存…',
      editHint: 'Enter 保存 · Shift+Enter 换行 · Esc 完成',
    },
    composer: {
      label: '新笔记',
      placeholder: '所见、所问及受审核方出示的内容…… @人员、#记录编号、[[文件]]、§条款',
      hint: 'Enter 添加 · Shift+Enter 换行 · ↑ 编辑您的上一条笔记 · “@姓名，职务”以“；”“。”或换行结束',
      preview: '将记录：',
    },
    topic: {
      label: '所属',
      session: '整个活动',
      sessionGroup: '本活动',
      otherGroup: '其他过程和条款',
    },
    suggest: {
      person: '人员',
      record: '查看的记录',
      document: '证据',
      clause: '条款',
      keys: '↑↓ 选择 · Enter 或 Tab 确认 · Esc 关闭',
    },
    chip: {
      person: '受访人员',
      record: '查看的记录',
      document: '证据',
      noTopic: '未归档：该条笔记未关联过程或条款。请选择其所属。',
      tooLong: '过长，无法归档：仅保留为文字',
      unknownClause: '不是本检查表包中的条款',
    },
    keys: 'Alt+↑↓ 切换活动 · Alt+Shift+N 临时活动',
  },
};
