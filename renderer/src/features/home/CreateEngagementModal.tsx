import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextAuditType } from '../../../../shared/audit-cycle.ts';
import type { EarlierEngagementView } from '../../../../shared/contract/next-audit-views.ts';
import { auditDatesInOrder } from '../../../../shared/engagement-rules.ts';
import type { AuditType, NewEngagementFields, StandardEdition } from '../../../../shared/engagement.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { auditTypeOptions, editionOptions, localTimeZone, timeZoneOptions } from '../../components/options.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { withExtension } from '../files/FilePickerModal.tsx';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { EarlierEngagementCard } from './EarlierEngagementCard.tsx';
import type { useOpenEngagement } from './use-open-engagement.ts';

const suggestFileName = (client: string, start: string): string =>
  `${client.trim().replace(/[/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80)}${start ? ` ${start.slice(0, 4)}` : ''}`.trim();

/**
 * New engagement: the few facts needed to start; the rest is filled in under Setup. Or the next
 * audit of a cycle, started from an earlier engagement that carries its preparation over.
 */
export function CreateEngagementModal({
  opened,
  onClose,
  opener,
}: {
  opened: boolean;
  onClose: () => void;
  opener: ReturnType<typeof useOpenEngagement>;
}) {
  const { t } = useTranslation();
  const [client, setClient] = useState('');
  const [auditType, setAuditType] = useState<AuditType>('stage2');
  const [edition, setEdition] = useState<StandardEdition>('20000-1:2018+A1:2024');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [timeZone, setTimeZone] = useState(localTimeZone());
  const [fileName, setFileName] = useState('');
  const [fileNameEdited, setFileNameEdited] = useState(false);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const native = useAppStore((s) => s.info?.fileAccess === 'native');
  const [location, setLocation] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<EarlierEngagementView | null>(null);
  const [reading, setReading] = useState(false);
  const chooser = useFileChooser();

  /** The earlier engagement: read (never changed) and shown; its facts prefill the new audit's. */
  async function chooseEarlier() {
    const file = await chooser.choose({ mode: 'open', kind: 'engagement', suggestedName: '', title: t('earlier.pickTitle') });
    if (!file) return;
    setReading(true);
    setError(null);
    try {
      const view = await invoke('engagement:readEarlier', { file });
      setEarlier(view);
      setClient(view.clientName);
      setEdition(view.standardEdition);
      setTimeZone(view.timeZone);
      setAuditType(nextAuditType(view.auditType) ?? auditType);
      setStart('');
      setEnd('');
    } catch (failure) {
      setError(failure);
    } finally {
      setReading(false);
    }
  }

  /** Desktop: where the file goes is chosen in the system's save dialog. */
  async function chooseLocation(): Promise<string | null> {
    try {
      const { file } = await invoke('dialog:pickFile', { mode: 'save', suggestedName: withExtension(fileName.trim() || t('create.defaultFileName')) });
      if (file) setLocation(file);
      return file;
    } catch (failure) {
      setError(failure);
      return null;
    }
  }

  useEffect(() => {
    if (!fileNameEdited) setFileName(suggestFileName(client, start));
  }, [client, start, fileNameEdited]);

  useEffect(() => {
    if (opened) {
      setError(null);
      setTouched(false);
      setEarlier(null);
    }
  }, [opened]);

  const required = (value: string) => (touched && !value.trim() ? t('create.required') : null);
  const datesError = !auditDatesInOrder(start, end) ? t('create.datesOrder') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!client.trim() || !start || !end || !timeZone || !fileName.trim() || datesError) return;
    const file = native ? (location ?? (await chooseLocation())) : withExtension(fileName.trim());
    if (!file) return;
    const fields: NewEngagementFields = {
      client_name: client.trim(),
      client_address: '',
      audit_type: auditType,
      standard_edition: edition,
      certification_body: '',
      criteria: '',
      objectives: '',
      scope: '',
      time_zone: timeZone,
      start_date: start,
      end_date: end,
    };
    setBusy(true);
    setError(null);
    try {
      const opened = earlier
        ? await invoke('engagement:createFromEarlier', { file, earlier: earlier.file, fields, historyNote: t('earlier.historyNote', { file: earlier.file.split(/[\\/]/).pop() ?? earlier.file }) })
        : await invoke('engagement:create', { file, fields });
      onClose();
      await opener.run(null, () => Promise.resolve(opened));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {earlier ? (
            <EarlierEngagementCard earlier={earlier} newStart={start} onChange={() => void chooseEarlier()} onBlank={() => setEarlier(null)} />
          ) : (
            <Stack gap={4} align="flex-start">
              <Button variant="light" leftSection={<IconHistory size={16} />} onClick={() => void chooseEarlier()} loading={reading} data-testid="start-from-earlier">
                {t('earlier.start')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('earlier.startHint')}
              </Text>
            </Stack>
          )}
          <TextInput
            label={t('create.clientName')}
            placeholder={t('create.clientNamePlaceholder')}
            value={client}
            onChange={(e) => setClient(e.currentTarget.value)}
            error={required(client)}
            data-autofocus
            required
          />
          <SimpleGrid cols={2}>
            <Select
              label={t('create.auditType')}
              data={auditTypeOptions(t)}
              value={auditType}
              onChange={(value) => value && setAuditType(value as AuditType)}
              allowDeselect={false}
              description={
                earlier && nextAuditType(earlier.auditType)
                  ? t('earlier.suggested', { previous: t(`auditType.${earlier.auditType}`), next: t(`auditType.${nextAuditType(earlier.auditType)!}`) })
                  : undefined
              }
            />
            <Select
              label={t('create.standardEdition')}
              data={editionOptions(t)}
              value={edition}
              onChange={(value) => value && setEdition(value as StandardEdition)}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t('create.startDate')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={required(start)}
              required
            />
            <TextInput
              type="date"
              label={t('create.endDate')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={required(end) ?? datesError}
              required
            />
          </SimpleGrid>
          <Select
            label={t('create.timeZone')}
            description={t('create.timeZoneHint')}
            data={timeZoneOptions(timeZone)}
            value={timeZone}
            onChange={(value) => value && setTimeZone(value)}
            searchable
            allowDeselect={false}
            limit={50}
          />
          <TextInput
            label={t('create.fileName')}
            value={fileName}
            onChange={(e) => {
              setFileNameEdited(true);
              setFileName(e.currentTarget.value);
            }}
            error={required(fileName)}
            description={
              native
                ? (location ?? t('create.locationHint'))
                : fileName.trim()
                  ? t('create.fileNameHint', { name: withExtension(fileName.trim()) })
                  : null
            }
            rightSection={
              native ? (
                <Button size="compact-xs" variant="light" onClick={() => void chooseLocation()}>
                  {t('create.chooseLocation')}
                </Button>
              ) : null
            }
            rightSectionWidth={native ? 110 : undefined}
          />
          {error ? <ErrorNotice error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {earlier ? t('earlier.submit') : t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {chooser.picker}
    </Modal>
  );
}
