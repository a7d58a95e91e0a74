import { Card, Input, SegmentedControl, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_COMBINATIONS, type AuditCombination } from '../../../../../shared/engagement.ts';
import { auditLanguageOptions, auditTypeOptions, editionOptions } from '../../../components/options.ts';
import type { EngagementForm } from './use-engagement-form.tsx';

/**
 * What kind of audit, against what: type and standard, criteria, objectives, scope; the audit
 * language; a transfer from another CB (a field, not a type); audits combined, joint or integrated
 * with other standards and which.
 */
export function AuditCard({ form }: { form: EngagementForm }) {
  const { t } = useTranslation();
  const { values, text, choose, readOnly, authorHint } = form;
  return (
    <Card withBorder padding="lg">
      <Title order={5} mb="md">
        {t('setup.audit')}
      </Title>
      <Stack>
        <SimpleGrid cols={3}>
          <Select
            label={t('setup.auditType')}
            description={authorHint('audit_type')}
            data={auditTypeOptions(t, values.audit_type)}
            value={values.audit_type}
            onChange={(value) => value && choose('audit_type', value as typeof values.audit_type)}
            allowDeselect={false}
            readOnly={readOnly}
            name="audit_type"
          />
          <Select
            label={t('setup.standardEdition')}
            description={authorHint('standard_edition')}
            data={editionOptions(t)}
            value={values.standard_edition}
            onChange={(value) => value && choose('standard_edition', value as typeof values.standard_edition)}
            allowDeselect={false}
            readOnly={readOnly}
            name="standard_edition"
          />
          <Select
            label={t('setup.auditLanguage')}
            description={authorHint('audit_language')}
            placeholder={t('setup.auditLanguagePlaceholder')}
            data={auditLanguageOptions(values.audit_language)}
            value={values.audit_language || null}
            onChange={(value) => choose('audit_language', value ?? '')}
            searchable
            clearable
            readOnly={readOnly}
            name="audit_language"
          />
        </SimpleGrid>
        {text('criteria', t('setup.criteria'), { description: t('setup.criteriaHint'), rows: 2 })}
        {text('objectives', t('setup.objectives'), { rows: 3 })}
        {text('scope', t('setup.scope'), { description: t('setup.scopeHint'), rows: 3 })}
        <Input.Wrapper label={t('setup.combination')} description={authorHint('combination') ?? t('setup.combinationHint')} labelElement="div">
          <SegmentedControl
            mt={6}
            display="flex"
            w="fit-content"
            aria-label={t('setup.combination')}
            value={values.combination}
            onChange={(value) => choose('combination', value as AuditCombination)}
            readOnly={readOnly}
            data={AUDIT_COMBINATIONS.map((value) => ({ value, label: t(`setup.combinationKind.${value}`) }))}
          />
        </Input.Wrapper>
        {values.combination !== 'single' || values.other_standards
          ? text('other_standards', t('setup.otherStandards'), { description: t('setup.otherStandardsHint'), placeholder: t('setup.otherStandardsPlaceholder') })
          : null}
        <SimpleGrid cols={2}>
          {text('transferred_from', t('setup.transferredFrom'), { description: t('setup.transferredFromHint') })}
          {text('cb_audit_number', t('setup.cbAuditNumber'), { description: t('setup.cbAuditNumberHint') })}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
