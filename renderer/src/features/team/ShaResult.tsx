import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyableCode } from '../../components/CopyableCode.tsx';

/** A written file and its SHA-256, to give to the recipient with the file. */
export function ShaResult({ title, file, sha256 }: { title: string; file: string; sha256: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={title} data-testid="sha-result">
      <Stack gap={4}>
        <Text size="sm">{file}</Text>
        <CopyableCode value={sha256} testId="sha256" />
        <Text size="xs" c="dimmed">
          {t('copy.shaHint')}
        </Text>
      </Stack>
    </Alert>
  );
}
