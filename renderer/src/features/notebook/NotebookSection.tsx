import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The session notebook (Alt+8). */
export function NotebookSection() {
  const { t } = useTranslation();
  return <Title order={2}>{t('notebook.title')}</Title>;
}
