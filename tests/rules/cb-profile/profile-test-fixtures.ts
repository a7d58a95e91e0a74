import type { ProfileIssueCode } from '../../../shared/cb-profile/profile-issues.ts';
import { docx, p } from '../../fixtures/docx-builder.ts';

/**
 * Test data for the CB profile checks (imported by tests only). The certification body, its numbers
 * and its audit-time table are FICTIONAL: real table values are a CB's data and are never shipped.
 */

export const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
export const TINY_JPEG_HEADER = 'data:image/jpeg;base64,/9j/4AAQSkZJRgAB';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A Chinese certification body's profile using every field (fictional). */
export function fictionalCbProfile(): JsonObject {
  return {
    format: 'audit-workbench-cb-profile',
    formatVersion: 1,
    id: 'cb.example-cert',
    version: '2.1.0',
    title: { 'zh-Hans': '示例认证有限公司 信息技术服务管理体系', en: 'Example Certification Ltd — IT service management' },
    releasedOn: '2026-03-01',
    languages: ['zh-Hans', 'en'],
    defaultLanguage: 'zh-Hans',
    reportLanguages: ['zh-Hans', 'en'],
    certificationBody: {
      name: { 'zh-Hans': '示例认证有限公司', en: 'Example Certification Ltd' },
      address: { 'zh-Hans': '北京市示例区示例路 1 号', en: '1 Example Road, Beijing' },
      website: 'https://cert.example',
      accreditations: [{ body: 'CNAS', number: 'CNAS C999-M', validFrom: '2024-01-01', validUntil: '2030-12-31' }],
      cncaApprovalNumber: 'CNCA-R-2099-999',
      cnasAccreditationNumber: 'CNAS C999-M',
    },
    logo: TINY_PNG,
    grades: [
      {
        key: 'major',
        code: 'NCmaj',
        name: { 'zh-Hans': '严重不符合', en: 'Major nonconformity' },
        definition: { 'zh-Hans': '影响管理体系实现预期结果的能力的不符合。', en: 'Affects the capability of the management system to achieve its intended results.' },
        isNonconformity: true,
        order: 1,
        responseDays: 30,
        verificationDays: 90,
      },
      {
        key: 'minor',
        code: 'NCmin',
        name: { 'zh-Hans': '一般不符合', en: 'Minor nonconformity' },
        definition: { 'zh-Hans': '不影响管理体系实现预期结果的能力的不符合。', en: 'Does not affect that capability.' },
        isNonconformity: true,
        order: 2,
        responseDays: 30,
      },
      {
        key: 'observation',
        code: '观察',
        name: { 'zh-Hans': '观察项', en: 'Observation' },
        definition: { 'zh-Hans': '可能发展为不符合的情况。', en: 'Could become a nonconformity.' },
        isNonconformity: false,
        order: 3,
      },
    ],
    findingNumbering: { pattern: '{audit}-{grade}-{seq:3}', sequence: 'per-engagement', appliesTo: 'nonconformities' },
    recommendations: [
      { key: 'grant', auditTypes: ['stage2'], outcome: 'positive', text: { 'zh-Hans': '推荐认证。', en: 'Certification recommended.' } },
      { key: 'keep', auditTypes: ['surveillance1', 'surveillance2'], outcome: 'positive', text: { 'zh-Hans': '推荐保持认证。', en: 'Continuation recommended.' } },
    ],
    auditTime: {
      tableSource: 'cb-table',
      note: { 'zh-Hans': '虚构的测试数据', en: 'Fictional test data' },
      rows: [
        { minPersonnel: 1, maxPersonnel: 10, auditorDays: { initial: 2, surveillance: 1, recertification: 1.5 } },
        { minPersonnel: 11, maxPersonnel: 50, auditorDays: { initial: 3.5, surveillance: 1.25 } },
        { minPersonnel: 51, maxPersonnel: null, auditorDays: { initial: 6 } },
      ],
    },
    recordSampling: {
      defaultMethod: 'frequency-table',
      judgment: { minPerProcess: 3, maxPerProcess: 10 },
      frequencyTable: {
        rows: [
          { label: { 'zh-Hans': '少', en: 'Few' }, populationMin: 1, populationMax: 12, sampleMin: 1, sampleMax: 3 },
          { label: { 'zh-Hans': '多', en: 'Many' }, populationMin: 13, populationMax: null, sampleMin: 5, sampleMax: 10 },
        ],
      },
    },
    fivePointProcessGrid: true,
    photoPolicy: 'keep-capture-time-and-location',
    stage1Readiness: { minimumMonthsOperating: 3, requireInternalAudit: true, requireManagementReview: true },
    requiredReportFields: [
      'unified-social-credit-code',
      'business-licence-scope-check',
      'no-penalties-statement',
      'cnca-category-codes',
      'ccaa-registration-numbers',
      'auditor-days-with-times',
      'scope-in-two-languages',
    ],
  };
}

/** A small real .docx template, base64, as a profile holds it. */
export const TINY_TEMPLATE_DATA = docx({ body: [p('审核计划 {client.name}'), p('{audit.startDate} – {audit.endDate}')] }).toString('base64');

/** The fictional profile in format 2: the same CB with its audit plan templates in Chinese and English. */
export function fictionalCbProfileV2(): JsonObject {
  return {
    ...fictionalCbProfile(),
    formatVersion: 2,
    templates: [
      { key: 'plan-zh', kind: 'audit-plan', language: 'zh-Hans', title: { 'zh-Hans': '审核计划', en: 'Audit plan (Chinese)' }, fileName: '审核计划模板.docx', data: TINY_TEMPLATE_DATA },
      { key: 'plan-en', kind: 'audit-plan', language: 'en', title: { 'zh-Hans': '审核计划（英文）', en: 'Audit plan' }, fileName: 'Audit plan.DOCX', data: TINY_TEMPLATE_DATA },
    ],
  };
}

/** The value at a JSON Pointer's parent, and the last segment (test edits). */
function parentOf(root: JsonObject, pointer: string): [Record<string, Json> | Json[], string] {
  const parts = pointer.split('/').slice(1);
  const last = parts.pop()!;
  let node: Json = root;
  for (const part of parts) node = (node as Record<string, Json>)[part]!;
  return [node as Record<string, Json>, last];
}

export function setAt(root: JsonObject, pointer: string, value: Json): JsonObject {
  const [parent, key] = parentOf(root, pointer);
  (parent as Record<string, Json>)[key] = value;
  return root;
}

export function deleteAt(root: JsonObject, pointer: string): JsonObject {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return root;
}

export interface BadProfile {
  readonly name: string;
  readonly edit: (profile: JsonObject) => JsonObject;
  /** Expected among the issues. */
  readonly code: ProfileIssueCode;
  readonly path: string;
  /** Whether the JSON Schema refuses it too (false: a rule the schema cannot state). */
  readonly schema: boolean;
}

const longText = 'x'.repeat(5001);
const bigLogo = `data:image/png;base64,iVBORw0KGgo${'A'.repeat(350_000 - 'data:image/png;base64,iVBORw0KGgo'.length + 1)}`;

/** Bad profiles made from the fictional one by one edit each. */
export const BAD_PROFILES: readonly BadProfile[] = [
  // Types and presence.
  { name: 'title as plain text', edit: (p) => setAt(p, '/title', 'Example'), code: 'WRONG_TYPE', path: '/title', schema: true },
  { name: 'isNonconformity as text', edit: (p) => setAt(p, '/grades/1/isNonconformity', 'yes'), code: 'WRONG_TYPE', path: '/grades/1/isNonconformity', schema: true },
  { name: 'grade order 1.5', edit: (p) => setAt(p, '/grades/1/order', 1.5), code: 'WRONG_TYPE', path: '/grades/1/order', schema: true },
  { name: 'personnel as text', edit: (p) => setAt(p, '/auditTime/rows/0/minPersonnel', '1'), code: 'WRONG_TYPE', path: '/auditTime/rows/0/minPersonnel', schema: true },
  { name: 'five-point grid as 1', edit: (p) => setAt(p, '/fivePointProcessGrid', 1), code: 'WRONG_TYPE', path: '/fivePointProcessGrid', schema: true },
  { name: 'languages as text', edit: (p) => setAt(p, '/languages', 'en'), code: 'WRONG_TYPE', path: '/languages', schema: true },
  { name: 'grades as an object', edit: (p) => setAt(p, '/grades', {}), code: 'WRONG_TYPE', path: '/grades', schema: true },
  { name: 'a grade without a key', edit: (p) => deleteAt(p, '/grades/0/key'), code: 'MISSING_FIELD', path: '/grades/0/key', schema: true },
  { name: 'a row without days', edit: (p) => deleteAt(p, '/auditTime/rows/1/auditorDays'), code: 'MISSING_FIELD', path: '/auditTime/rows/1/auditorDays', schema: true },
  { name: 'a CB without a name', edit: (p) => deleteAt(p, '/certificationBody/name'), code: 'MISSING_FIELD', path: '/certificationBody/name', schema: true },
  { name: 'an unknown top-level field', edit: (p) => setAt(p, '/colour', 'blue'), code: 'UNKNOWN_FIELD', path: '/colour', schema: true },
  { name: 'an unknown grade field', edit: (p) => setAt(p, '/grades/0/severity', 3), code: 'UNKNOWN_FIELD', path: '/grades/0/severity', schema: true },
  { name: 'formatVersion 0', edit: (p) => setAt(p, '/formatVersion', 0), code: 'WRONG_VALUE', path: '/formatVersion', schema: true },
  { name: 'formatVersion "1"', edit: (p) => setAt(p, '/formatVersion', '1'), code: 'WRONG_VALUE', path: '/formatVersion', schema: true },
  { name: 'an unknown photo policy', edit: (p) => setAt(p, '/photoPolicy', 'keep-everything'), code: 'WRONG_VALUE', path: '/photoPolicy', schema: true },
  { name: 'transfer as an audit type', edit: (p) => setAt(p, '/recommendations/0/auditTypes/0', 'transfer'), code: 'WRONG_VALUE', path: '/recommendations/0/auditTypes/0', schema: true },
  { name: 'an unknown report field', edit: (p) => setAt(p, '/requiredReportFields/0', 'shoe-size'), code: 'WRONG_VALUE', path: '/requiredReportFields/0', schema: true },
  // Formats and sizes.
  { name: 'an upper-case id', edit: (p) => setAt(p, '/id', 'CB.Example'), code: 'BAD_FORMAT', path: '/id', schema: true },
  { name: 'version 1.0', edit: (p) => setAt(p, '/version', '1.0'), code: 'BAD_FORMAT', path: '/version', schema: true },
  { name: 'default language EN', edit: (p) => setAt(p, '/defaultLanguage', 'EN'), code: 'BAD_FORMAT', path: '/defaultLanguage', schema: true },
  { name: 'a text keyed "english"', edit: (p) => setAt(p, '/title/english', 'x'), code: 'BAD_FORMAT', path: '/title/english', schema: true },
  { name: 'a grade code with a space', edit: (p) => setAt(p, '/grades/0/code', 'NC maj'), code: 'BAD_FORMAT', path: '/grades/0/code', schema: true },
  { name: 'a date written 1/3/2026', edit: (p) => setAt(p, '/releasedOn', '1/3/2026'), code: 'BAD_FORMAT', path: '/releasedOn', schema: true },
  { name: 'an empty grade name', edit: (p) => setAt(p, '/grades/0/name/en', ''), code: 'TOO_SHORT', path: '/grades/0/name/en', schema: true },
  { name: 'a text of 5001 characters', edit: (p) => setAt(p, '/title/en', longText), code: 'TOO_LONG', path: '/title/en', schema: true },
  { name: 'an empty text map', edit: (p) => setAt(p, '/title', {}), code: 'TOO_FEW', path: '/title', schema: true },
  { name: 'no languages', edit: (p) => setAt(p, '/languages', []), code: 'TOO_FEW', path: '/languages', schema: true },
  { name: 'no grades', edit: (p) => setAt(p, '/grades', []), code: 'TOO_FEW', path: '/grades', schema: true },
  { name: 'a language twice', edit: (p) => setAt(p, '/languages', ['zh-Hans', 'en', 'en']), code: 'DUPLICATE_ITEM', path: '/languages/2', schema: true },
  { name: 'a report field twice', edit: (p) => setAt(p, '/requiredReportFields', ['cnca-category-codes', 'cnca-category-codes']), code: 'DUPLICATE_ITEM', path: '/requiredReportFields/1', schema: true },
  { name: 'zero records per process', edit: (p) => setAt(p, '/recordSampling/judgment/minPerProcess', 0), code: 'OUT_OF_RANGE', path: '/recordSampling/judgment/minPerProcess', schema: true },
  { name: 'zero auditor-days', edit: (p) => setAt(p, '/auditTime/rows/0/auditorDays/initial', 0), code: 'OUT_OF_RANGE', path: '/auditTime/rows/0/auditorDays/initial', schema: true },
  { name: 'a deadline of 0 days', edit: (p) => setAt(p, '/grades/0/responseDays', 0), code: 'OUT_OF_RANGE', path: '/grades/0/responseDays', schema: true },
  { name: 'personnel 0', edit: (p) => setAt(p, '/auditTime/rows/0/minPersonnel', 0), code: 'OUT_OF_RANGE', path: '/auditTime/rows/0/minPersonnel', schema: true },
  // Conditions the schema states with contains / if-then.
  { name: 'no grade counts as a nonconformity', edit: (p) => setAt(setAt(p, '/grades/0/isNonconformity', false), '/grades/1/isNonconformity', false), code: 'NO_NONCONFORMITY_GRADE', path: '/grades', schema: true },
  { name: 'a CB table without rows', edit: (p) => setAt(p, '/auditTime/rows', []), code: 'TABLE_EMPTY', path: '/auditTime/rows', schema: true },
  { name: 'rows under "not provided"', edit: (p) => setAt(p, '/auditTime/tableSource', 'not-provided'), code: 'TABLE_NOT_PROVIDED_HAS_ROWS', path: '/auditTime/rows', schema: true },
  { name: 'frequency table as default but absent', edit: (p) => deleteAt(p, '/recordSampling/frequencyTable'), code: 'FREQUENCY_TABLE_MISSING', path: '/recordSampling/frequencyTable', schema: true },
  // The logo.
  { name: 'a GIF logo', edit: (p) => setAt(p, '/logo', 'data:image/gif;base64,R0lGODlh'), code: 'BAD_LOGO', path: '/logo', schema: true },
  { name: 'a logo by URL', edit: (p) => setAt(p, '/logo', 'https://cert.example/logo.png'), code: 'BAD_LOGO', path: '/logo', schema: true },
  { name: 'a logo that is not base64', edit: (p) => setAt(p, '/logo', 'data:image/png;base64,iVBOR w0KGgo='), code: 'BAD_LOGO', path: '/logo', schema: true },
  { name: 'a logo of 350,001 characters', edit: (p) => setAt(p, '/logo', bigLogo), code: 'LOGO_TOO_LARGE', path: '/logo', schema: true },
  { name: 'a PNG logo holding a JPEG', edit: (p) => setAt(p, '/logo', TINY_JPEG_HEADER.replace('jpeg', 'png')), code: 'BAD_LOGO', path: '/logo', schema: false },
  { name: 'a JPEG logo holding a PNG', edit: (p) => setAt(p, '/logo', TINY_PNG.replace('png', 'jpeg')), code: 'BAD_LOGO', path: '/logo', schema: false },
  // Rules the schema cannot state.
  { name: 'a grade key twice', edit: (p) => setAt(p, '/grades/2/key', 'major'), code: 'DUPLICATE_GRADE', path: '/grades/2/key', schema: false },
  { name: 'a grade code twice', edit: (p) => setAt(p, '/grades/2/code', 'NCmin'), code: 'DUPLICATE_GRADE_CODE', path: '/grades/2/code', schema: false },
  { name: 'a grade order twice', edit: (p) => setAt(p, '/grades/2/order', 1), code: 'DUPLICATE_GRADE_ORDER', path: '/grades/2/order', schema: false },
  { name: 'verification before the response', edit: (p) => setAt(p, '/grades/0/verificationDays', 20), code: 'DEADLINE_ORDER', path: '/grades/0/verificationDays', schema: false },
  { name: 'a recommendation key twice', edit: (p) => setAt(p, '/recommendations/1/key', 'grant'), code: 'DUPLICATE_RECOMMENDATION', path: '/recommendations/1/key', schema: false },
  { name: 'a default language not listed', edit: (p) => setAt(p, '/defaultLanguage', 'fr'), code: 'DEFAULT_LANGUAGE_NOT_LISTED', path: '/defaultLanguage', schema: false },
  { name: 'a report language not listed', edit: (p) => setAt(p, '/reportLanguages', ['zh-Hans', 'fr']), code: 'UNKNOWN_LANGUAGE', path: '/reportLanguages/1', schema: false },
  { name: 'a text in a language not listed', edit: (p) => setAt(p, '/grades/0/name/fr', 'Non-conformité majeure'), code: 'UNKNOWN_LANGUAGE', path: '/grades/0/name/fr', schema: false },
  { name: 'a text without the default language', edit: (p) => deleteAt(p, '/title/zh-Hans'), code: 'MISSING_DEFAULT_LANGUAGE', path: '/title', schema: false },
  { name: 'a grade name missing a report language', edit: (p) => deleteAt(p, '/grades/1/name/en'), code: 'MISSING_REPORT_LANGUAGE', path: '/grades/1/name', schema: false },
  { name: 'a numbering pattern without {seq}', edit: (p) => setAt(p, '/findingNumbering/pattern', 'NC-{year}'), code: 'BAD_NUMBERING_PATTERN', path: '/findingNumbering/pattern', schema: false },
  { name: 'a numbering pattern with an unknown token', edit: (p) => setAt(p, '/findingNumbering/pattern', '{project}-{seq}'), code: 'BAD_NUMBERING_PATTERN', path: '/findingNumbering/pattern', schema: false },
  { name: 'a numbering pattern with a slash', edit: (p) => setAt(p, '/findingNumbering/pattern', 'NC/{seq:2}'), code: 'BAD_NUMBERING_PATTERN', path: '/findingNumbering/pattern', schema: false },
  { name: 'table rows overlapping', edit: (p) => setAt(p, '/auditTime/rows/1/minPersonnel', 10), code: 'TABLE_ROWS_OVERLAP', path: '/auditTime/rows/1/minPersonnel', schema: false },
  {
    name: 'table rows out of order',
    edit: (p) => {
      const rows = (p.auditTime as JsonObject).rows as Json[];
      return setAt(p, '/auditTime/rows', [rows[1]!, rows[0]!]);
    },
    code: 'TABLE_ROWS_UNSORTED',
    path: '/auditTime/rows/1/minPersonnel',
    schema: false,
  },
  { name: 'a gap between table rows', edit: (p) => setAt(p, '/auditTime/rows/1/minPersonnel', 12), code: 'TABLE_ROWS_GAP', path: '/auditTime/rows/1/minPersonnel', schema: false },
  { name: 'an open-ended row before the last', edit: (p) => setAt(p, '/auditTime/rows/0/maxPersonnel', null), code: 'OPEN_ROW_NOT_LAST', path: '/auditTime/rows/0/maxPersonnel', schema: false },
  { name: 'a row whose max is below its min', edit: (p) => setAt(p, '/auditTime/rows/1/maxPersonnel', 5), code: 'RANGE_REVERSED', path: '/auditTime/rows/1/maxPersonnel', schema: false },
  { name: 'auditor-days with three decimals', edit: (p) => setAt(p, '/auditTime/rows/1/auditorDays/surveillance', 1.125), code: 'TOO_MANY_DECIMALS', path: '/auditTime/rows/1/auditorDays/surveillance', schema: false },
  { name: 'more records min than max', edit: (p) => setAt(p, '/recordSampling/judgment/minPerProcess', 12), code: 'RANGE_REVERSED', path: '/recordSampling/judgment/maxPerProcess', schema: false },
  { name: 'a sample range reversed', edit: (p) => setAt(p, '/recordSampling/frequencyTable/rows/1/sampleMin', 20), code: 'RANGE_REVERSED', path: '/recordSampling/frequencyTable/rows/1/sampleMax', schema: false },
  { name: 'population rows overlapping', edit: (p) => setAt(p, '/recordSampling/frequencyTable/rows/1/populationMin', 12), code: 'TABLE_ROWS_OVERLAP', path: '/recordSampling/frequencyTable/rows/1/populationMin', schema: false },
  { name: 'the 30th of February', edit: (p) => setAt(p, '/releasedOn', '2026-02-30'), code: 'BAD_DATE', path: '/releasedOn', schema: false },
  {
    name: 'an accreditation that expires before it starts',
    edit: (p) => setAt(p, '/certificationBody/accreditations/0/validUntil', '2023-12-31'),
    code: 'DATE_ORDER',
    path: '/certificationBody/accreditations/0/validUntil',
    schema: false,
  },
];

/** The same 10 MiB limit the schema states, one base64 group over: 13,981,020 characters. */
const oversizedTemplateData = `UEsDB${'A'.repeat(13_981_020 - 9)}AAA=`;

/** Bad format 2 profiles, made from fictionalCbProfileV2 by one edit each. */
export const BAD_PROFILES_V2: readonly BadProfile[] = [
  { name: 'templates in a format 1 profile', edit: (p) => setAt(p, '/formatVersion', 1), code: 'UNKNOWN_FIELD', path: '/templates', schema: true },
  { name: 'templates as an object', edit: (p) => setAt(p, '/templates', {}), code: 'WRONG_TYPE', path: '/templates', schema: true },
  { name: 'a template without data', edit: (p) => deleteAt(p, '/templates/0/data'), code: 'MISSING_FIELD', path: '/templates/0/data', schema: true },
  { name: 'a template of an unknown kind', edit: (p) => setAt(p, '/templates/0/kind', 'invoice'), code: 'WRONG_VALUE', path: '/templates/0/kind', schema: true },
  { name: 'an unknown template field', edit: (p) => setAt(p, '/templates/0/url', 'https://cert.example/plan.docx'), code: 'UNKNOWN_FIELD', path: '/templates/0/url', schema: true },
  { name: 'a template named .docm', edit: (p) => setAt(p, '/templates/0/fileName', 'plan.docm'), code: 'BAD_FORMAT', path: '/templates/0/fileName', schema: true },
  { name: 'a template name with a folder', edit: (p) => setAt(p, '/templates/0/fileName', 'templates/plan.docx'), code: 'BAD_FORMAT', path: '/templates/0/fileName', schema: true },
  { name: 'a template name of 201 characters', edit: (p) => setAt(p, '/templates/0/fileName', `${'x'.repeat(196)}.docx`), code: 'TOO_LONG', path: '/templates/0/fileName', schema: true },
  { name: 'template data that is not base64', edit: (p) => setAt(p, '/templates/0/data', 'UEsDB%%%'), code: 'BAD_TEMPLATE_DATA', path: '/templates/0/data', schema: true },
  { name: 'template data as a data URL', edit: (p) => setAt(p, '/templates/0/data', `data:application/octet-stream;base64,${TINY_TEMPLATE_DATA}`), code: 'BAD_TEMPLATE_DATA', path: '/templates/0/data', schema: true },
  { name: 'empty template data', edit: (p) => setAt(p, '/templates/0/data', ''), code: 'TOO_SHORT', path: '/templates/0/data', schema: true },
  { name: 'a template over 10 MiB', edit: (p) => setAt(p, '/templates/0/data', oversizedTemplateData), code: 'TEMPLATE_TOO_LARGE', path: '/templates/0/data', schema: true },
  {
    name: '25 templates',
    edit: (p) => setAt(p, '/templates', Array.from({ length: 25 }, (_, i) => ({ ...((p.templates as JsonObject[])[0] as JsonObject), key: `plan-${i}` }))),
    code: 'TOO_MANY',
    path: '/templates',
    schema: true,
  },
  { name: 'a template key twice', edit: (p) => setAt(p, '/templates/1/key', 'plan-zh'), code: 'DUPLICATE_TEMPLATE', path: '/templates/1/key', schema: false },
  { name: 'a template in a language not listed', edit: (p) => setAt(p, '/templates/1/language', 'fr'), code: 'UNKNOWN_LANGUAGE', path: '/templates/1/language', schema: false },
  { name: 'a template title without the default language', edit: (p) => deleteAt(p, '/templates/0/title/zh-Hans'), code: 'MISSING_DEFAULT_LANGUAGE', path: '/templates/0/title', schema: false },
  { name: 'template data cut short', edit: (p) => setAt(p, '/templates/0/data', TINY_TEMPLATE_DATA.slice(0, -1)), code: 'BAD_TEMPLATE_DATA', path: '/templates/0/data', schema: false },
  { name: 'a PDF as template data', edit: (p) => setAt(p, '/templates/0/data', Buffer.from('%PDF-1.7\n%âãÏÓ\n').toString('base64')), code: 'BAD_TEMPLATE_DATA', path: '/templates/0/data', schema: false },
];
