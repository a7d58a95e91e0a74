import { Button, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shortFingerprint } from './signing-store.ts';

/**
 * A certificate's SHA-256 fingerprint in monospace with a copy button: whole where it is compared
 * (the card, a verification), short with the whole on hover in a list. The whole is always copied.
 */
export function Fingerprint({ value, short = false, label, testId }: { value: string; short?: boolean; label?: string; testId?: string }) {
  const { t } = useTranslation();
  const code = (
    <Code translate="no" ff="monospace" style={{ wordBreak: 'break-all', minWidth: 0, flex: '0 1 auto' }} data-testid={testId} data-fingerprint={value}>
      {short ? `${shortFingerprint(value)}…` : value}
    </Code>
  );
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
      {short ? (
        <Tooltip label={value} multiline w={320} style={{ wordBreak: 'break-all' }}>
          {code}
        </Tooltip>
      ) : (
        code
      )}
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" style={{ flexShrink: 0 }} onClick={copy} leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />} aria-label={label} data-testid={testId ? `${testId}-copy` : undefined}>
            {copied ? t('signing.trusted.copied') : t('signing.trusted.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
