import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks why a warning is dismissed or a grading prompt overridden: the reason is kept with the
 * finding (a finding_dismissal row), so the technical reviewer sees it. Ctrl+Enter confirms.
 */
export function ReasonModal({
  opened,
  title,
  what,
  confirm,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  what: ReactNode;
  confirm: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (opened) {
      setReason('');
      setTried(false);
    }
  }, [opened]);
  const submit = () => {
    if (!reason.trim()) {
      setTried(true);
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onCancel} title={title} size="md" data-testid="reason-modal">
      <Stack gap="sm">
        <Text size="sm">{what}</Text>
        <Textarea
          label={t('findings.dismiss.reason')}
          description={t('findings.dismiss.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          error={tried && !reason.trim() ? t('findings.dismiss.reasonNeeded') : null}
          maxLength={2000}
          autosize
          minRows={2}
          data-autofocus
          data-testid="reason-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('findings.dismiss.cancel')}
          </Button>
          <Button onClick={submit} data-testid="reason-confirm">
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
