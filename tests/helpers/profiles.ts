import type { CbProfile, ProfileTemplate } from '../../shared/cb-profile/profile.ts';
import defaultProfile from '../../resources/cb-profiles/default.json' with { type: 'json' };
import { docx, p } from '../fixtures/docx-builder.ts';

const DEFAULT = defaultProfile as CbProfile;

/** A CB's profile: the default with its own id, the CB's name, a two-row audit-time table, two Chinese report facts and the auditors' CCAA numbers required. */
export function cbProfile(version = '1.0.0'): CbProfile {
  const { $schema: _schema, ...rest } = DEFAULT;
  return {
    ...rest,
    id: 'cb.northbridge',
    version,
    title: { en: 'Northbridge Certification profile', 'zh-Hans': '北桥认证配置' },
    certificationBody: { name: { en: 'Northbridge Certification Ltd', 'zh-Hans': '北桥认证有限公司' } },
    requiredReportFields: ['unified-social-credit-code', 'business-licence-scope-check', 'ccaa-registration-numbers'],
    auditTime: {
      tableSource: 'cb-table',
      rows: [
        { minPersonnel: 1, maxPersonnel: 45, auditorDays: { initial: 5, surveillance: 2, recertification: 3.5 } },
        { minPersonnel: 46, maxPersonnel: null, auditorDays: { initial: 8, surveillance: 3, recertification: 5.5 } },
      ],
    },
  };
}

/**
 * A Chinese CB's profile that also needs each service's CNCA IT-service category and the scope in
 * two languages (a certificate printed in Chinese and English): `cbProfile()` under its own id.
 */
export function cbProfileChina(version = '1.0.0'): CbProfile {
  const base = cbProfile(version);
  return {
    ...base,
    id: 'cb.huaxia',
    title: { en: 'Huaxia Certification profile', 'zh-Hans': '华夏认证配置' },
    certificationBody: { name: { en: 'Huaxia Certification Co., Ltd.', 'zh-Hans': '华夏认证有限公司' } },
    requiredReportFields: [...base.requiredReportFields, 'cnca-category-codes', 'scope-in-two-languages'],
  };
}

/** A plan template as a CB profile holds it (a small real .docx; pass `bytes` for another one). */
export function planTemplate(key = 'plan-en', language = 'en', bytes: Uint8Array = docx({ body: [p('Audit plan for {client.name}')] })): ProfileTemplate {
  return { key, kind: 'audit-plan', language, title: { en: `Audit plan (${language})` }, fileName: `${key}.docx`, data: Buffer.from(bytes).toString('base64') };
}

/** `cbProfile()` in format 2, with its audit plan template in English and Chinese. */
export function cbProfileWithTemplates(version = '2.0.0', templates: readonly ProfileTemplate[] = [planTemplate(), planTemplate('plan-zh', 'zh-Hans')]): CbProfile {
  return { ...cbProfile(version), formatVersion: 2, templates };
}
