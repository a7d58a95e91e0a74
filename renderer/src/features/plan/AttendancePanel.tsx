import { ActionIcon, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconPrinter, IconUsers, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_PRESENCE, type AttendancePresence } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import type { AttendanceRow } from '../../../../shared/plan/sign-in-sheet-input.ts';
import { showUndo } from '../../components/undo.tsx';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { MeetingPoints } from './MeetingPoints.tsx';
import type { PlanSession } from './plan-types.ts';
import type { AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Who came to an opening or closing meeting: name, role, organization, present / remote / absent.
 * The team members in the session and the plan's auditees join with one click each (those already
 * listed are not added twice), anyone else by typing; a removal can be undone. The opening meeting
 * adds the points it confirmed; both print their sign-in sheet.
 */
export function AttendancePanel({ plan, asRan, session, onPrint }: { plan: Plan; asRan: AsRan; session: PlanSession; onPrint: () => void }) {
  const { t } = useTranslation();
  const { create, edit, remove, restore } = useFieldworkRecords.getState();
  const flush = useSaveStore((s) => s.flush);
  const readOnly = plan.readOnly;
  const { engagement, team, rows } = plan;
  // The audit team first, in team order, then the others as they were added: the sheet's order.
  const rank = (name: string) => {
    const index = team.findIndex((member) => same(member.name, name));
    return index === -1 ? team.length : index;
  };
  const listed = asRan.attendance
    .filter((row) => row.session_id === session.id)
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row.name) - rank(b.row.name) || a.index - b.index)
    .map(({ row }) => row);
  const [draft, setDraft] = useState({ name: '', role: '', organization: engagement.client_name });
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const has = (name: string) => listed.some((row) => same(row.name, name));
  const memberIds = new Set(rows.members.filter((link) => link.session_id === session.id).map((link) => link.team_member_id));
  const teamToAdd = team.filter((member) => memberIds.has(member.id) && !has(member.name));
  const auditeesToAdd = rows.auditees.filter((auditee, index, all) => auditee.session_id === session.id && auditee.name.trim() && !has(auditee.name) && all.findIndex((other) => other.session_id === session.id && same(other.name, auditee.name)) === index);

  async function addAll(people: readonly { name: string; role: string; organization: string }[]) {
    setBusy(true);
    try {
      for (const person of people) await create('attendance', { session_id: session.id, name: person.name.trim(), role: person.role.trim(), organization: person.organization.trim(), presence: 'present' });
      setNotice(t('plan.attendance.added', { count: people.length }));
    } catch (failure) {
      plan.setError(failure);
    } finally {
      setBusy(false);
    }
  }
  async function addTyped() {
    const name = draft.name.trim();
    if (!name) return;
    if (has(name)) {
      setNotice(t('plan.attendance.duplicate', { name }));
      return;
    }
    await addAll([{ name, role: draft.role, organization: draft.organization }]);
    setDraft({ name: '', role: '', organization: draft.organization });
  }
  async function drop(row: AttendanceRow) {
    try {
      await remove('attendance', row.id);
      showUndo(t, t('plan.attendance.removed', { name: row.name }), () => restore('attendance', row.id).catch(plan.setError));
    } catch (failure) {
      plan.setError(failure);
    }
  }
  const count = (presence: AttendancePresence) => listed.filter((row) => row.presence === presence).length;
  const field = (row: AttendanceRow, name: 'name' | 'role' | 'organization', label: string) => (
    <TextInput
      size="xs"
      variant="unstyled"
      aria-label={t('common.labelled', { label, value: row.name })}
      value={row[name]}
      onChange={(event) => event.currentTarget.value.trim() || name !== 'name' ? edit('attendance', row.id, { [name]: event.currentTarget.value }) : undefined}
      onBlur={() => void flush()}
      readOnly={readOnly}
      translate="no"
    />
  );

  return (
    <Stack gap="md" data-testid="attendance">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={5}>{t('plan.attendance.title')}</Title>
            <Text size="xs" c="dimmed" data-testid="attendance-count">
              {t('plan.attendance.count', { present: count('present'), remote: count('remote'), absent: count('absent') })}
            </Text>
          </div>
          <Button variant="default" size="xs" leftSection={<IconPrinter size={14} />} onClick={onPrint} data-testid="sign-in-print">
            {t('plan.signIn.button')}
          </Button>
        </Group>
        {!readOnly ? (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconUsers size={14} />} disabled={!teamToAdd.length} loading={busy} onClick={() => void addAll(teamToAdd.map((member) => ({ name: member.name, role: t(`teamRole.${member.role}`), organization: engagement.certification_body })))} data-testid="attendance-add-team">
              {t('plan.attendance.addTeam', { count: teamToAdd.length })}
            </Button>
            <Button size="xs" variant="light" leftSection={<IconUsers size={14} />} disabled={!auditeesToAdd.length} loading={busy} onClick={() => void addAll(auditeesToAdd.map((auditee) => ({ name: auditee.name, role: auditee.role, organization: engagement.client_name })))} data-testid="attendance-add-auditees">
              {t('plan.attendance.addAuditees', { count: auditeesToAdd.length })}
            </Button>
          </Group>
        ) : null}
        {notice ? (
          <Text size="xs" c="dimmed" role="status">
            {notice}
          </Text>
        ) : null}
        {listed.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plan.attendance.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={2} horizontalSpacing={6} data-testid="attendance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.attendance.name')}</Table.Th>
                <Table.Th>{t('plan.attendance.role')}</Table.Th>
                <Table.Th>{t('plan.attendance.organization')}</Table.Th>
                <Table.Th>{t('plan.attendance.presence')}</Table.Th>
                <Table.Th w={30} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {listed.map((row) => (
                <Table.Tr key={row.id} data-testid="attendee" data-name={row.name} data-presence={row.presence}>
                  <Table.Td>{field(row, 'name', t('plan.attendance.name'))}</Table.Td>
                  <Table.Td>{field(row, 'role', t('plan.attendance.role'))}</Table.Td>
                  <Table.Td>{field(row, 'organization', t('plan.attendance.organization'))}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={t('common.labelled', { label: t('plan.attendance.presence'), value: row.name })}
                      data={ATTENDANCE_PRESENCE.map((presence) => ({ value: presence, label: t(`plan.attendance.presenceOf.${presence}`) }))}
                      value={row.presence}
                      onChange={(next) => (edit('attendance', row.id, { presence: next }), void flush())}
                      readOnly={readOnly}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly ? (
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('plan.attendance.remove', { name: row.name })} onClick={() => void drop(row)}>
                        <IconX size={14} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!readOnly ? (
          <form onSubmit={(event) => (event.preventDefault(), void addTyped())}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput size="xs" label={t('plan.attendance.name')} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })} style={{ flex: 1.2 }} data-testid="attendance-name" />
              <TextInput size="xs" label={t('plan.attendance.role')} value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.currentTarget.value })} style={{ flex: 1 }} data-testid="attendance-role" />
              <TextInput size="xs" label={t('plan.attendance.organization')} value={draft.organization} onChange={(event) => setDraft({ ...draft, organization: event.currentTarget.value })} style={{ flex: 1.2 }} data-testid="attendance-organization" />
              <Button type="submit" size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={!draft.name.trim()} data-testid="attendance-add">
                {t('plan.attendance.add')}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
      {session.kind === 'opening' ? <MeetingPoints plan={plan} asRan={asRan} session={session} /> : null}
    </Stack>
  );
}
