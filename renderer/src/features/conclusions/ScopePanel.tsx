import { Alert, Badge, Blockquote, Card, Group, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRecordsView, FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import { SCOPE_CHECK_STATUSES, SCOPE_WORDING_STATUSES, type ScopeCheckStatus, type ScopeWordingStatus } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import type { EngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import type { Service } from '../scope/scope-types.ts';
import { saveNaturalRow } from './natural-rows.ts';

const CHECK_COLOURS: Record<ScopeCheckStatus, string> = { not_checked: 'gray', confirmed: 'teal', not_confirmed: 'red' };
const WORDING_COLOURS: Record<ScopeWordingStatus, string> = { not_checked: 'gray', confirmed: 'teal', change_proposed: 'orange' };

/**
 * Scope verification: each service in scope delivered as stated (one scope_check per service), and
 * the certificate's wording — read here, written in Scope — confirmed or a change proposed (the
 * engagement's fields, through the autosave).
 */
export function ScopePanel({ services, records, form, onError }: { services: readonly Service[]; records: FieldworkRecordsView; form: EngagementForm; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const checks = new Map(records.scope_check.map((row) => [row.service_id, row]));
  const confirmed = services.filter((service) => checks.get(service.id)?.status === 'confirmed').length;
  const notConfirmed = services.filter((service) => checks.get(service.id)?.status === 'not_confirmed').length;
  return (
    <Stack gap="lg" maw={1100}>
      <Card withBorder padding="lg" data-testid="scope-services">
        <Group justify="space-between" align="flex-start" mb="xs">
          <div>
            <Title order={5}>{t('conclusions.scope.services')}</Title>
            <Text size="sm" c="dimmed">
              {t('conclusions.scope.intro')}
            </Text>
          </div>
          {services.length ? (
            <Group gap="xs">
              <Badge variant="light" color={confirmed === services.length ? 'teal' : 'gray'} data-testid="scope-summary">
                {t('conclusions.scope.summary', { confirmed, total: services.length })}
              </Badge>
              {notConfirmed ? (
                <Badge variant="light" color="red">
                  {t('conclusions.scope.summaryNotConfirmed', { count: notConfirmed })}
                </Badge>
              ) : null}
            </Group>
          ) : null}
        </Group>
        {services.length ? (
          <Table verticalSpacing="sm" layout="fixed">
            <Table.Tbody>
              {services.map((service) => (
                <ScopeCheckRow key={service.id} service={service} row={checks.get(service.id)} readOnly={form.readOnly} onError={onError} />
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" data-testid="scope-no-services">
            {t('conclusions.scope.noServices')}
          </Text>
        )}
      </Card>
      <WordingCard form={form} />
    </Stack>
  );
}

function ScopeCheckRow({ service, row, readOnly, onError }: { service: Service; row: FieldworkRow<'scope_check'> | undefined; readOnly: boolean; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ScopeCheckStatus>(row?.status ?? 'not_checked');
  const [note, setNote] = useState(row?.note ?? '');
  const save = (patch: { status?: ScopeCheckStatus; note?: string }) => {
    if (patch.status !== undefined) setStatus(patch.status);
    if (patch.note !== undefined) setNote(patch.note);
    if (!readOnly) saveNaturalRow('scope_check', { service_id: service.id }, patch).catch(onError);
  };
  return (
    <Table.Tr data-testid="scope-check" data-service={service.name} data-status={status}>
      <Table.Td w="28%">
        <Text fw={500} size="sm" translate="no">
          {service.name}
        </Text>
        {service.description ? (
          <Text size="xs" c="dimmed" lineClamp={2} translate="no">
            {service.description}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td w={360}>
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label={service.name}
          value={status}
          color={CHECK_COLOURS[status]}
          onChange={(value) => save({ status: value as ScopeCheckStatus })}
          readOnly={readOnly}
          data={[...SCOPE_CHECK_STATUSES.slice(1), SCOPE_CHECK_STATUSES[0]].map((value) => ({ value, label: t(`conclusions.scope.status.${value}`) }))}
        />
      </Table.Td>
      <Table.Td>
        <Textarea
          size="xs"
          autosize
          minRows={1}
          maxRows={5}
          aria-label={t('conclusions.scope.note', { service: service.name })}
          placeholder={t('conclusions.scope.notePlaceholder')}
          value={note}
          onChange={(event) => save({ note: event.currentTarget.value })}
          error={status === 'not_confirmed' && !note.trim() ? t('conclusions.scope.noteRequired') : null}
          readOnly={readOnly}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function WordingCard({ form }: { form: EngagementForm }) {
  const { t } = useTranslation();
  const { values, choose, readOnly } = form;
  const status = values.scope_wording_status;
  const wording = values.certificate_wording.trim();
  const second = values.certificate_wording_second.trim();
  return (
    <Card withBorder padding="lg" data-testid="scope-wording-check">
      <Title order={5}>{t('conclusions.scope.wording')}</Title>
      <Stack gap="sm" mt="xs">
        {wording ? (
          <Blockquote p="sm" color="gray" data-testid="certificate-wording" translate="no" style={{ whiteSpace: 'pre-wrap' }}>
            {wording}
          </Blockquote>
        ) : (
          <Alert color="yellow" variant="light" data-testid="no-wording">
            {t('conclusions.scope.noWording')}
          </Alert>
        )}
        {second ? (
          <>
            <Text size="xs" c="dimmed">
              {t('conclusions.scope.wordingSecond', { language: values.certificate_second_language || '—' })}
            </Text>
            <Blockquote p="sm" color="gray" translate="no" style={{ whiteSpace: 'pre-wrap' }}>
              {second}
            </Blockquote>
          </>
        ) : null}
        <Group gap="sm">
          <Text size="sm" fw={500} id="wording-status-label">
            {t('conclusions.scope.wordingStatusLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="wording-status-label"
            value={status}
            color={WORDING_COLOURS[status]}
            onChange={(value) => choose('scope_wording_status', value as ScopeWordingStatus)}
            readOnly={readOnly}
            data={[...SCOPE_WORDING_STATUSES.slice(1), SCOPE_WORDING_STATUSES[0]].map((value) => ({ value, label: t(`conclusions.scope.wordingStatus.${value}`) }))}
            data-testid="wording-status"
          />
        </Group>
        {status === 'change_proposed' || values.scope_wording_change
          ? form.text('scope_wording_change', t('conclusions.scope.change'), {
              description: t('conclusions.scope.changeHint'),
              rows: 3,
              error: status === 'change_proposed' && !values.scope_wording_change.trim() ? t('conclusions.scope.changeMissing') : null,
            })
          : null}
      </Stack>
    </Card>
  );
}
