import { Alert, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRecordsView, FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import { SURVEILLANCE_ITEMS, SURVEILLANCE_STATUSES, type SurveillanceItem, type SurveillanceStatus } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { intlLocale } from '../../i18n/locale.ts';
import { saveNaturalRow } from './natural-rows.ts';

const COLOURS: Record<SurveillanceStatus, string> = { not_covered: 'gray', satisfactory: 'teal', concern: 'orange' };

/** The items every surveillance audit must cover (reference: "Audit types and cycle"), each with what was found; those still not covered are named at the top. */
export function SurveillancePanel({ records, readOnly, onError }: { records: FieldworkRecordsView; readOnly: boolean; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const rows = new Map(records.surveillance_check.map((row) => [row.item, row]));
  const left = SURVEILLANCE_ITEMS.filter((item) => (rows.get(item)?.status ?? 'not_covered') === 'not_covered');
  const names = new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(left.map((item) => t(`conclusions.surveillance.items.${item}`)));
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={4}>{t('conclusions.surveillance.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('conclusions.surveillance.intro')}
        </Text>
      </div>
      <Alert color={left.length ? 'yellow' : 'teal'} variant="light" data-testid="surveillance-left">
        {left.length ? t('conclusions.surveillance.left', { count: left.length, items: names }) : t('conclusions.surveillance.allCovered')}
      </Alert>
      {SURVEILLANCE_ITEMS.map((item) => (
        <SurveillanceRow key={item} item={item} row={rows.get(item)} readOnly={readOnly} onError={onError} />
      ))}
    </Stack>
  );
}

function SurveillanceRow({ item, row, readOnly, onError }: { item: SurveillanceItem; row: FieldworkRow<'surveillance_check'> | undefined; readOnly: boolean; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SurveillanceStatus>(row?.status ?? 'not_covered');
  const [entry, setEntry] = useState(row?.entry ?? '');
  const label = t(`conclusions.surveillance.items.${item}`);
  const save = (patch: { status?: SurveillanceStatus; entry?: string }) => {
    if (patch.status !== undefined) setStatus(patch.status);
    if (patch.entry !== undefined) setEntry(patch.entry);
    if (!readOnly) saveNaturalRow('surveillance_check', { item }, patch).catch(onError);
  };
  return (
    <Card withBorder padding="md" data-testid="surveillance-item" data-item={item} data-status={status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <div>
          <Text fw={600}>{label}</Text>
          <Text size="xs" c="dimmed">
            {t(`conclusions.surveillance.hints.${item}`)}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          aria-label={label}
          value={status}
          color={COLOURS[status]}
          onChange={(value) => save({ status: value as SurveillanceStatus })}
          readOnly={readOnly}
          data={[...SURVEILLANCE_STATUSES.slice(1), SURVEILLANCE_STATUSES[0]].map((value) => ({ value, label: t(`conclusions.surveillance.status.${value}`) }))}
          style={{ flexShrink: 0 }}
        />
      </Group>
      <Textarea
        aria-label={t('conclusions.surveillance.entry', { item: label })}
        placeholder={t('conclusions.surveillance.entryPlaceholder')}
        value={entry}
        onChange={(event) => save({ entry: event.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={10}
        readOnly={readOnly}
      />
    </Card>
  );
}
