import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentLanguageName } from '../../components/options.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { TemplateCheckPanel } from '../plan/TemplateCheckPanel.tsx';
import type { ReportTemplate } from './use-report-template.ts';

/**
 * The CB's report template: one of the engagement's profile, or a .docx picked now — checked at once
 * (what it cannot fill, which placeholders it leaves out), and a picked one kept in the profile.
 */
export function ReportTemplateChoice({ template, readOnly, chooser }: { template: ReportTemplate; readOnly: boolean; chooser: ReturnType<typeof useFileChooser> }) {
  const { t } = useTranslation();
  const { templates, choice, check } = template;

  async function pickFile() {
    const file = await chooser.choose({ mode: 'open', kind: 'word', suggestedName: '', title: t('report.export.templateFileTitle') });
    if (file) await template.choose({ file });
  }

  return (
    <Stack gap="xs" data-testid="report-template-choice">
      {templates?.length ? (
        <Select
          label={t('report.export.templateChoose')}
          data={templates.map((item) => ({
            value: item.key,
            label: t('plan.export.templateFromProfile', { title: item.title, file: item.fileName, language: documentLanguageName(t, item.language) }),
          }))}
          value={choice && 'profileTemplate' in choice ? choice.profileTemplate : null}
          onChange={(key) => key && void template.choose({ profileTemplate: key })}
          placeholder={choice && 'file' in choice ? choice.file : undefined}
          data-testid="report-template-select"
        />
      ) : templates ? (
        <Text size="sm" c="dimmed">
          {t('report.export.templateNone')}
        </Text>
      ) : null}
      <Group gap="sm">
        <Button variant="light" size="xs" onClick={() => void pickFile()} data-testid="report-template-file">
          {t('report.export.templateFile')}
        </Button>
      </Group>
      {template.checking ? (
        <Text size="sm" c="dimmed">
          {t('plan.template.checking')}
        </Text>
      ) : null}
      {check ? <TemplateCheckPanel check={check} /> : null}
      {check?.fillable && choice && 'file' in choice ? (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void template.keep()} loading={template.keeping} disabled={readOnly} data-testid="report-template-keep">
            {t('report.export.keep')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('report.export.keepHint')}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
