import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';

/** A failure shown where it happened: what went wrong, and what to do about it. */
export function ErrorNotice({ error, children, onClose }: { error: unknown; children?: ReactNode; onClose?: () => void }) {
  const { t } = useTranslation();
  const message = errorMessage(t, error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={message.title}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      data-error-code={message.code}
      role="alert"
    >
      {message.text}
      {children}
    </Alert>
  );
}
