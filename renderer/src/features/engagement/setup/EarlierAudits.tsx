import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EARLIER_AUDIT_TABLE } from '../../../../../shared/tables/preparation-tables.ts';
import type { RowOf } from '../../../../../shared/tables/table.ts';
import { auditDatesInOrder } from '../../../../../shared/engagement-rules.ts';
import type { AuditType } from '../../../../../shared/engagement.ts';
import { isCalendarDate } from '../../../../../shared/time.ts';
import { DeleteRowButton } from '../../../components/DeleteRowButton.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { formatDayRange } from '../../../components/format.ts';
import { auditTypeOptions } from '../../../components/options.ts';
import { invoke } from '../../../contract/client.ts';
import { useSaveStore } from '../../../state/save-store.ts';
import { deleteRowWithUndo } from '../../../state/row-actions.ts';

type Audit = RowOf<typeof EARLIER_AUDIT_TABLE>;
type TextField = 'certification_body' | 'covered_clauses' | 'covered_processes' | 'covered_sites' | 'notes';

/**
 * The client's earlier audits, entered by hand when there is no earlier engagement file: type,
 * days, the CB when another, and what each covered (clauses, processes, sites) — over the cycle
 * every clause, process and site is covered, and this is where the plan looks.
 */
export function EarlierAudits({ handle, readOnly }: { handle: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [audits, setAudits] = useState<Audit[] | null>(null);
  const [newType, setNewType] = useState<AuditType>('stage2');
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    invoke('rows:list', { engagementHandle: handle, table: 'earlier_audit' }).then((rows) => setAudits(rows as unknown as Audit[]), setError);
  }, [handle]);
  useEffect(load, [load]);

  const change = <F extends keyof Audit>(id: string, field: F, value: Audit[F]) => {
    const next = audits?.map((audit) => (audit.id === id ? { ...audit, [field]: value } : audit)) ?? [];
    setAudits(next);
    const edited = next.find((audit) => audit.id === id)!;
    // Days stay on screen, unsaved, until they are days in order.
    if ((field === 'start_date' || field === 'end_date') && value !== null && !isCalendarDate(String(value))) return;
    if ((field === 'start_date' || field === 'end_date') && !daysInOrder(edited)) return;
    queueRow(handle, 'earlier_audit', id, { [field]: value });
  };

  async function add() {
    setError(null);
    try {
      await flush();
      await invoke('rows:create', { engagementHandle: handle, table: 'earlier_audit', values: { audit_type: newType } });
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  const remove = (audit: Audit) =>
    deleteRowWithUndo(handle, 'earlier_audit', audit.id, t('history.deleted', { type: t(`auditType.${audit.audit_type}`, { defaultValue: audit.audit_type }) }), t, {
      reload: load,
      onError: setError,
    });

  const text = (audit: Audit, field: TextField, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={audit[field]}
      onChange={(e) => change(audit.id, field, e.currentTarget.value)}
      onBlur={() => void flush()}
      readOnly={readOnly}
    />
  );
  const day = (audit: Audit, field: 'start_date' | 'end_date', label: string) => (
    <TextInput
      type="date"
      label={label}
      value={audit[field] ?? ''}
      onChange={(e) => change(audit.id, field, e.currentTarget.value || null)}
      onBlur={() => void flush()}
      error={field === 'end_date' && !daysInOrder(audit) ? t('create.datesOrder') : null}
      readOnly={readOnly}
    />
  );

  return (
    <Stack gap="sm" data-testid="earlier-audits">
      <Text size="sm" fw={600}>
        {t('history.earlierTitle')}
      </Text>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {audits && audits.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.earlierEmpty')}
        </Text>
      ) : null}
      {audits?.map((audit) => (
        <Card key={audit.id} withBorder radius="sm" padding="sm" bg="gray.0" data-testid="earlier-audit">
          <Stack gap="xs">
            <Group align="flex-end" wrap="nowrap">
              <Select
                label={t('setup.auditType')}
                data={auditTypeOptions(t, audit.audit_type)}
                value={audit.audit_type}
                onChange={(value) => value && (change(audit.id, 'audit_type', value as AuditType), void flush())}
                allowDeselect={false}
                readOnly={readOnly}
                w={300}
              />
              {day(audit, 'start_date', t('history.from'))}
              {day(audit, 'end_date', t('history.to'))}
              <div style={{ flex: 1 }}>{text(audit, 'certification_body', t('history.body'), t('history.bodyPlaceholder'))}</div>
              {!readOnly ? (
                <DeleteRowButton
                  label={t('history.delete', {
                    type: t(`auditType.${audit.audit_type}`, { defaultValue: audit.audit_type }),
                    days: audit.start_date && audit.end_date ? formatDayRange(audit.start_date, audit.end_date) : '',
                  })}
                  onDelete={() => void remove(audit)}
                />
              ) : null}
            </Group>
            <SimpleGrid cols={3}>
              {text(audit, 'covered_clauses', t('history.clauses'), t('history.clausesPlaceholder'))}
              {text(audit, 'covered_processes', t('history.processes'), t('history.processesPlaceholder'))}
              {text(audit, 'covered_sites', t('history.sites'))}
            </SimpleGrid>
            {text(audit, 'notes', t('history.notes'), t('history.notesPlaceholder'))}
          </Stack>
        </Card>
      ))}
      {!readOnly ? (
        <Group gap="xs">
          <Select
            aria-label={t('history.newType')}
            data={auditTypeOptions(t)}
            value={newType}
            onChange={(value) => value && setNewType(value as AuditType)}
            allowDeselect={false}
            w={300}
          />
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => void add()}>
            {t('history.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

const daysInOrder = (audit: Pick<Audit, 'start_date' | 'end_date'>): boolean =>
  !audit.start_date || !audit.end_date || auditDatesInOrder(audit.start_date, audit.end_date);
