import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The evidence list with where-used. */
export function EvidencePanel() {
  const { t } = useTranslation();
  return <Title order={3}>{t('evidence.title')}</Title>;
}
