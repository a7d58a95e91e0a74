import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { errorCode } from '../../components/errors.ts';
import type { OpenProblem } from './use-open-engagement.ts';

/** Why a file did not open, what to do; for an unfinished change, the recovery the user consents to. */
export function OpenProblemModal({
  problem,
  onClose,
  onRecover,
  busy,
}: {
  problem: OpenProblem | null;
  onClose: () => void;
  onRecover: (file: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const recoverable = problem && problem.file && errorCode(problem.error) === 'HOT_JOURNAL';
  return (
    <Modal opened={problem !== null} onClose={onClose} title={t('picker.openTitle')} size="lg">
      {problem ? (
        <Stack>
          {problem.file ? <Code>{problem.file}</Code> : null}
          <ErrorNotice error={problem.error} />
          {recoverable ? (
            <Text size="sm" c="dimmed">
              {t('openErrors.recoverHint')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            {recoverable ? (
              <Button color="orange" loading={busy} onClick={() => onRecover(problem.file!)}>
                {t('openErrors.recover')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
