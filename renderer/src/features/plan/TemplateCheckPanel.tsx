import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateCheckView } from '../../../../shared/contract/template-views.ts';
import { templateIssueLevel } from '../../../../shared/templates/template-issues.ts';

/**
 * What the check of a CB template found before filling: refusals and errors (the template cannot be
 * used), warnings (unknown placeholders left empty …), and which of the app's placeholders it uses
 * and leaves out — so the lead sees what the client will get before a file is written.
 */
export function TemplateCheckPanel({ check }: { check: TemplateCheckView }) {
  const { t } = useTranslation();
  const word = (issue: TemplateCheckView['issues'][number]) =>
    t(`templates.issues.${issue.code}` as 'templates.issues.NOT_DOCX', { ...issue.params, defaultValue: issue.code });
  const blocking = check.issues.filter((issue) => templateIssueLevel(issue.code) !== 'warning');
  const warnings = check.issues.filter((issue) => templateIssueLevel(issue.code) === 'warning');
  return (
    <Alert color={check.fillable ? (warnings.length ? 'yellow' : 'teal') : 'red'} variant="light" title={check.fillable ? t('plan.template.fillable', { file: check.fileName }) : t('plan.template.refused', { file: check.fileName })} data-testid="template-check">
      <Stack gap={6}>
        {[...blocking, ...warnings].length ? (
          <List size="sm" spacing={2}>
            {[...blocking, ...warnings].map((issue, index) => (
              <List.Item key={`${issue.code}-${index}`} data-testid="template-issue" data-code={issue.code}>
                {word(issue)}
                {issue.where ? (
                  <Text size="xs" c="dimmed">
                    {t('templates.where', { ...issue.where })}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Text size="xs">{t('plan.template.uses', { used: check.used.length, total: check.used.length + check.unused.length })}</Text>
        {check.unused.length ? (
          <Text size="xs" c="dimmed" translate="no">
            {t('plan.template.leavesOut')} {check.unused.join(t('common.listSeparator'))}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
