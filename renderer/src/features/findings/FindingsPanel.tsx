import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Scaffolding of issue 17: replaced by the capability's screen before the issue lands. */
export function FindingsPanel() {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('findings.title')}</Text>;
}
