import { Alert, CloseButton, Group, Text } from '@mantine/core';
import { IconFileAlert, IconFileShredder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store.ts';
import { useFileCheck } from './use-file-check.ts';

/**
 * What the app found in the file itself: a -journal it did not write, set aside at open (told once,
 * dismissable), and damage inside a recorded value (shown as long as the file is open: copies,
 * packages and backups are refused while it is).
 */
export function FileNotices() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const [journalSeen, setJournalSeen] = useState(false);
  useFileCheck();
  const check = current.fileCheck;
  return (
    <>
      {check.state === 'damaged' ? (
        <Alert color="red" variant="light" icon={<IconFileShredder size={18} />} title={t('engagement.damaged.title')} data-testid="damaged-banner">
          <Text size="sm">
            {t(check.damage.reason === 'row_mismatch' ? 'engagement.damaged.whereRow' : 'engagement.damaged.where', {
              table: t(`team.entity.${check.damage.entity}`, { defaultValue: check.damage.entity }),
              field: check.damage.field,
              seq: check.damage.seq,
            })}
          </Text>
          <Text size="sm" mt={4}>
            {t('engagement.damaged.what')}
          </Text>
        </Alert>
      ) : null}
      {current.foreignJournal && !journalSeen ? (
        <Alert color="yellow" variant="light" icon={<IconFileAlert size={18} />} data-testid="foreign-journal-banner">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {t('engagement.foreignJournal.title')}
              </Text>
              <Text size="sm" mt={4}>
                {t('engagement.foreignJournal.text', { journalCopy: current.foreignJournal.journalCopy, fileCopy: current.foreignJournal.fileCopy })}
              </Text>
            </div>
            <CloseButton aria-label={t('engagement.foreignJournal.dismiss')} onClick={() => setJournalSeen(true)} />
          </Group>
        </Alert>
      ) : null}
    </>
  );
}
