import type { Translation } from '../en/index.ts';
import type { EN_ERRORS, EN_ERROR_DETAILS } from '../en/errors.ts';

/**
 * 简体中文: a title and a what-to-do sentence for every error code of the contract, and the details
 * some codes add. The engagement file is the 审核项目文件; a team member's file is a 成员副本 or a
 * 返回包 (口令 = passphrase); the fingerprint of a recorded change is its 哈希值.
 */
export const ZH_ERROR_DETAILS: Translation<typeof EN_ERROR_DETAILS> = {
  damagedAt: '损坏位置：{{table}}，字段“{{field}}”，已记录的第 {{seq}} 项更改。',
  newerUnknown: '请将 Audit Workbench 更新到最新版本，再导入此文件。未作任何更改。',
};

export const ZH_ERRORS: Translation<typeof EN_ERRORS> = {
  FILE_NOT_FOUND: { title: '文件不在原处', text: '文件可能已被移动、重命名或删除。请找到该文件后重新打开，或将其从“最近的审核项目”列表中移除。' },
  NOT_A_FILE: { title: '这是文件夹，不是审核项目文件', text: '请选择 .iso20k 文件本身。' },
  FILE_EMPTY: { title: '文件为空', text: '文件没有内容（0 字节），可能是复制时中断了。请从来源处重新复制，或从备份恢复。' },
  NOT_SQLITE: { title: '这不是审核项目文件', text: '这是其他类型的文件（例如改名为 .iso20k 的 PDF）。请打开用 Audit Workbench 制作的 .iso20k 文件。' },
  NOT_ENGAGEMENT: { title: '该文件属于其他程序', text: '它是一个数据库，但不是 Audit Workbench 的审核项目。请打开用 Audit Workbench 制作的 .iso20k 文件。' },
  TRUNCATED: { title: '文件不完整', text: '文件比应有的短：复制或下载中途被中断。请从来源处重新复制，或从备份恢复。未作任何更改。' },
  CORRUPT: { title: '文件已损坏', text: '文件的部分内容无法读取。未作任何更改。请从备份恢复，或请发送者重新提供一份副本。' },
  FOREIGN_JOURNAL: {
    title: '此审核项目旁的“-journal”文件不是为它生成的',
    text: '该文件来自其他程序或从别处复制而来，本软件不会应用它，否则会损坏审核项目。未作任何更改。请将该“-journal”文件移到其他文件夹（不要删除），然后重新打开审核项目。',
  },
  HOT_JOURNAL: { title: '文件未正常关闭', text: '软件或电脑意外停止时留下了一项未完成的更改。请修复文件以回滚该更改；此前保存的内容都会保留。' },
  WAL_PRESENT: { title: '其他程序在此文件旁留下了更改', text: '文件旁有一个“-wal”文件：某个数据库工具打开过该文件。请关闭该工具（它会完成其更改），或只复制 .iso20k 文件本身，然后重新打开。' },
  NEWER_VERSION: { title: '由更新版本的 Audit Workbench 制作', text: '请将 Audit Workbench 更新到 {{requiredVersion}} 或更高版本，再打开此文件。' },
  OLDER_VERSION_READ_ONLY: { title: '此文件需要升级，但它是只读的', text: '请将其复制到可写入的文件夹，或取消其只读属性，然后重新打开。' },
  SCHEMA_MISMATCH: { title: '文件结构已被改动', text: '文件的部分内容缺失，或被其他工具改动过。未作任何更改。请从备份恢复，或请发送者重新提供一份副本。' },
  LOCKED: { title: '文件已在其他程序中打开', text: '请先在该程序（另一个 Audit Workbench 窗口、数据库工具或同步客户端）中关闭它，然后重试。' },
  READ_ONLY: { title: '此审核项目为只读', text: '请另存副本后再编辑。' },
  FILE_EXISTS: { title: '已有同名文件', text: '请换一个名称。' },
  DESTINATION_OPEN: { title: '该文件已打开', text: '请先关闭它，或换一个名称。' },
  INVALID_VALUE: { title: '无法保存此值', text: '请检查突出显示的字段。' },
  ROW_NOT_FOUND: { title: '此记录已不存在', text: '它可能已被删除。请重新打开审核项目。' },
  UNKNOWN_HANDLE: { title: '此审核项目已不再处于打开状态', text: '它已被关闭，可能是因为长时间没有操作。请从主页重新打开。' },
  JOB_CANCELLED: { title: '已取消', text: '未写入任何内容。' },
  BACKUP_NOT_FOUND: { title: '该备份已不存在', text: '其文件已被删除。请选择其他备份。' },
  NO_INSTALLATION_USER: { title: '请先告诉本软件您是谁', text: '请刷新页面，然后输入您的姓名和姓名缩写。' },
  IO_ERROR: { title: '无法读取或写入文件', text: '请检查磁盘是否已连接、可以写入且有可用空间，然后重试。' },
  INTERNAL: { title: '软件内部出错', text: '此前保存的内容不受影响。请重试；如果再次出现，请重新启动软件。' },
  INVALID_PAYLOAD: { title: '软件发出的请求未被其后台服务接受', text: '请刷新页面后重试。' },
  UNKNOWN_CHANNEL: { title: '软件与其后台服务不匹配', text: '请刷新页面；如果仍然无效，请重新启动软件。' },
  FORBIDDEN: { title: '软件无法连接其后台服务', text: '请刷新页面。如果主机程序已重新启动，请打开它新显示的地址。' },
  PATH_OUTSIDE_WORKSPACE: { title: '不能使用该名称', text: '请使用不含文件夹的文件名：文件都保存在工作区文件夹中。' },
  NOT_SUPPORTED: { title: '此处不可用', text: '本版软件不提供此操作。' },
  OPEN_ELSEWHERE: { title: '此审核项目已在另一个窗口中打开', text: '请切换到该窗口，或先在该窗口中关闭此审核项目。' },
  OFFLINE: { title: '软件的后台服务没有响应', text: '请检查主机程序是否仍在运行，然后刷新页面。' },
  MERGE_NOT_A_PACKAGE: { title: '这不是返回包或成员副本', text: '请选择审核组成员交给您的文件：返回包（.iso20k-return）或其副本（.iso20k）。' },
  MERGE_PASSPHRASE_REQUIRED: { title: '此返回包设有口令保护', text: '请向该审核组成员索取口令并输入。' },
  MERGE_WRONG_PASSPHRASE: { title: '该口令无法打开此返回包', text: '请与该审核组成员核对口令（区分大小写）后重试。未作任何更改。' },
  MERGE_DAMAGED: {
    title: '文件已损坏',
    text: '文件无法完整读取，或其中一项已记录的更改与其哈希值不再相符。未作任何更改。请该审核组成员重新生成返回包或副本。',
  },
  MERGE_NOT_CLOSED: {
    title: '此副本未正常关闭',
    text: '它旁边还有另一个文件（一项未完成的更改，或其他程序留下的“-journal”文件），因此无法按原样读取。请该审核组成员在 Audit Workbench 中打开一次再关闭，或改为发送返回包。未作任何更改。',
  },
  FILE_DAMAGED: {
    title: '此审核项目已损坏',
    text: '其中一项已记录的更改与其哈希值不再相符，因此不会从中复制、打包或备份任何内容。请从最新的备份恢复（主页 → 从备份恢复），或请审核组长重新提供一份副本。',
  },
  MERGE_OTHER_ENGAGEMENT: { title: '此返回包属于另一个审核项目', text: '它来自审核项目“{{clientName}}”。请打开该审核项目后再导入。未作任何更改。' },
  MERGE_NEWER_VERSION: { title: '由更新版本的 Audit Workbench 制作', text: '请将 Audit Workbench 更新到 {{requiredVersion}} 或更高版本，再导入此文件。未作任何更改。' },
  MERGE_BROKEN_CHAIN: {
    title: '返回包的更改历史核对不上',
    text: '其中的更改与本审核项目的历史不衔接，或在生成后被改动过。未作任何更改。请向该审核组成员索取新的返回包。',
  },
  SOURCE_OPEN: { title: '该文件已在本软件中打开', text: '请先关闭它，然后重新选择。' },
  DOCUMENT_IMAGE_REFUSED: {
    title: '无法在文档中印出认证机构的标志',
    text: '文档只使用认证机构配置中内含的 PNG 或 JPEG 标志，从不从网址获取图片。请导入内含标志的配置；或选择不含标志的配置，不带标志导出。未写入任何内容。',
  },
  DOCUMENT_FONT_MISSING: {
    title: '本机安装的软件缺少 PDF 所需的字体',
    text: '请重新安装 Audit Workbench，或导出为 Word。未写入任何内容。',
  },
  DOCUMENT_RENDER_FAILED: { title: '无法生成文档', text: '请重试；如果再次失败，请改为导出另一种格式，并告知我们。未写入任何内容。' },
  TEMPLATE_REFUSED: {
    title: '无法使用认证机构的模板',
    text: '模板检查发现了问题（见所列各项）：请修改模板后重新导入认证机构配置，或以本软件的版式导出。',
  },
  NO_TEMPLATE: { title: '认证机构配置中没有此文档的模板', text: '请以本软件的版式导出，或导入包含该模板的配置版本。' },
  EARLIER_MEMBER_COPY: {
    title: '这是审核组成员的副本',
    text: '成员副本只包含发给某一位审核员的内容。请待审核组的工作合并到审核组长的审核项目文件后，从该文件开始下一次审核。未作任何更改。',
  },
  PACK_NOT_FOUND: { title: '库中没有该检查表包', text: '它可能已从本机删除。请重新导入该检查表包文件，或选择其他检查表包。' },
  PROFILE_NOT_FOUND: { title: '库中没有该认证机构配置', text: '它可能已从本机删除。请重新导入该配置文件，或选择其他配置。' },
  EVIDENCE_FILE_EMPTY: { title: '文件为空', text: '“{{fileName}}”大小为 0 字节，没有可附加的内容。如另一程序仍在写入该文件，请等待写入完成后再附加。' },
  EVIDENCE_FILE_TOO_LARGE: {
    title: '文件超过审核项目可容纳的大小',
    text: '“{{fileName}}”大小为 {{size}}；单个文件最大为 {{limit}}，以便审核项目文件仍可拷贝到 U 盘并通过返回包发送。请附加摘录（相关期间或抽取的记录），或记录为指向受审核方存放位置的引用。未附加任何文件。',
  },
  EVIDENCE_IMAGE_TOO_LARGE: {
    title: '图像声明的尺寸不可能存在',
    text: '“{{fileName}}”声明为 {{width}} × {{height}} 像素，远超任何相机或屏幕所能产生的尺寸，因此未打开（文件可能已损坏，或被刻意构造以耗尽内存）。请重新拍照或截图，或将其放入 zip 文件后附加。未附加任何文件。',
  },
  EVIDENCE_FORMAT_REFUSED: {
    title: '无法附加此类图像',
    text: '“{{fileName}}”为 {{format}} 格式：其中隐藏的数据（位置、相机、时间）无法按认证机构的拍照规定进行检查。请先转换为 JPEG 或 PNG（iPhone：设置 → 相机 → 格式 → 兼容性最佳；电脑：打开后导出或另存为 JPEG），再重新附加。未附加任何文件。',
  },
  EVIDENCE_IMAGE_DAMAGED: { title: '图像已损坏', text: '“{{fileName}}”不是完整的 {{format}} 图像，无法显示或放入报告。请从相机或手机重新拷贝后再附加。未附加任何文件。' },
  EVIDENCE_UPLOAD_INCOMPLETE: {
    title: '文件未能读取完整',
    text: '“{{fileName}}”的 {{declared}} 字节中仅收到 {{received}} 字节：附加过程中文件被移动、更改，或其所在驱动器被移除。未附加任何文件，请重新附加。',
  },
  EVIDENCE_UPLOAD_GONE: { title: '附加被中断', text: '附加完成前审核项目已关闭或附加已取消。未附加任何文件，请重新附加该文件。' },
  EVIDENCE_FILE_NOT_HERE: {
    title: '此审核项目副本中没有该文件',
    text: '该文件由 {{heldBy}} 附加，其返回包未包含文件。请对方发送包含证据文件的返回包，文件将随之到达。',
  },
  FINDING_NOT_FOUND: { title: '该审核发现已不存在', text: '它已在本副本或随后合并的副本中被删除。如属误删，请撤销删除；否则请选择其他审核发现。' },
  FINDINGS_LEAD_ONLY: { title: '只有审核组长可以为审核发现编号', text: '正式编号在合并全组副本后由审核组长在其副本中统一给出；在此之前，每项审核发现保留临时编号。本次审核的审核组长是 {{lead}}。' },
  CA_TRANSITION_REFUSED: { title: '该步骤不能执行', text: '该纠正措施已不处于此步骤的起始状态（随后合并的组员副本可能已推进了它）。未作任何更改；跟踪验证中现显示其当前状态和可执行的下一步。' },
  CA_DATE_BEFORE_AUDIT: { title: '日期早于审核', text: '{{date}} 早于审核首日（{{auditStart}}）：本次审核不符合项的回复、实施或验证日期不能更早。请核对日期；未保存。' },
  SIGNATURE_EMPTY: { title: '签名为空', text: '签名板上没有笔迹。请签名人用鼠标、手写笔或手指签名，或记录其拒绝签字及原因。' },
  LINKED_FILE_SAME_ENGAGEMENT: { title: '所选文件就是本次审核', text: '所选文件是本次审核本身（或其副本）。请选择该客户上一次审核的审核文件。' },
  REPORT_INCOMPLETE: { title: '报告尚不完整', text: '完整性检查列出了 {{count}} 项正式报告不能遗留的内容。请逐项处理（每项都有链接指向修改位置），或导出草稿：草稿每页标注“草稿”，不占用版次。' },
  LINKED_FILE_NEWER: { title: '上次审核文件由较新版本的 Audit Workbench 保存', text: '需要 {{version}} 或更高版本才能读取。请更新 Audit Workbench，或手工录入以往的不符合项。未导入任何内容。' },
  P12_WRONG_PASSWORD: { title: '证书文件的密码不正确', text: '请输入随 .p12 / .pfx 文件提供的密码（如没有，请向认证机构索取）。未导入任何内容。' },
  P12_NO_PRIVATE_KEY: { title: '证书文件中没有私钥', text: '文件只含证书，无法用于签名。请导入包含您的证书及其私钥的 .p12 / .pfx 文件，或在本软件中创建证书。未导入任何内容。' },
  P12_UNREADABLE: { title: '无法读取证书文件', text: '它不是 .p12 / .pfx 文件，或已损坏，或使用了本软件无法识别的保护方式。请向认证机构重新索取该文件。未导入任何内容。' },
  KEY_PASSPHRASE_WRONG: { title: '口令不正确', text: '该口令无法解锁您签名证书的密钥文件。请输入创建或导入证书时设置的口令；未进行任何签名。' },
  KEY_PASSPHRASE_REQUIRED: { title: '需要口令', text: '您的签名私钥保存在由口令保护的密钥文件中。请输入口令后再签名；未进行任何签名。' },
  CERTIFICATE_UNREADABLE: { title: '无法读取证书', text: '请选择包含一个 X.509 证书的证书文件（.pem、.crt 或 .cer）。未添加任何内容。' },
  SIGNATURE_UNREADABLE: { title: '无法读取签名', text: '该文件不是本软件可识别的已签名 PDF 或 Word 报告，或其签名文件（.p7s）已损坏。请向发送方重新索取已签名的文件。' },
  NO_SIGNING_IDENTITY: { title: '本机没有签名证书', text: '请在“审核报告”部分（您的签名证书）创建或导入证书，然后重新签名。' },
};
