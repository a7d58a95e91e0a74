import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Conclusions (Alt+9). */
export function ConclusionsSection() {
  const { t } = useTranslation();
  return <Title order={2}>{t('conclusions.title')}</Title>;
}
