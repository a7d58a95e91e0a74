import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Records seen on the auditee's screen, and audit trails. */
export function RecordsPanel() {
  const { t } = useTranslation();
  return <Title order={3}>{t('records.title')}</Title>;
}
