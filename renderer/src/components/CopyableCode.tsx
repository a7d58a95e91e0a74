import { Button, Code, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A value shown as code (a SHA-256, a folder) with a button that copies it. */
export function CopyableCode({ value, label, testId }: { value: string; label?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Code translate="no" style={{ wordBreak: 'break-all', flex: 1 }} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" onClick={copy}>
            {copied ? t('copy.copied') : (label ?? t('copy.copyHash'))}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
