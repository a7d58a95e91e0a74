import { Alert, Code, CopyButton, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A written file and its SHA-256, to give to the recipient with the file. */
export function ShaResult({ title, file, sha256 }: { title: string; file: string; sha256: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={title} data-testid="sha-result">
      <Stack gap={4}>
        <Text size="sm">{file}</Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }} data-testid="sha256">
            {sha256}
          </Code>
          <CopyButton value={sha256}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="light" onClick={copy}>
                {copied ? t('copy.copied') : t('copy.copyHash')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('copy.shaHint')}
        </Text>
      </Stack>
    </Alert>
  );
}
