import { Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamOverviewView } from '../../../../shared/contract/team-views.ts';
import { TEAM_ROLES, type TeamMember } from '../../../../shared/engagement.ts';
import { withStoredValue } from '../../components/options.ts';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useRowAuthors } from './use-row-authors.ts';
import { deleteRowWithUndo } from '../../state/row-actions.ts';

type Editable = 'name' | 'initials' | 'role' | 'email';
const EDITABLE: readonly Editable[] = ['name', 'initials', 'role', 'email'];

/**
 * The audit team, edited in place: each field saves itself; a member is added from the keyboard
 * (name, initials, role, Enter) and can receive a member copy at once; a delete can be undone.
 */
export function TeamMembersTable({
  handle,
  members,
  readOnly,
  memberCopyOf,
  overview,
  copying,
  onMemberCopy,
  onChanged,
  onError,
}: {
  handle: string;
  members: readonly TeamMember[];
  readOnly: boolean;
  memberCopyOf: boolean;
  overview: TeamOverviewView | null;
  copying: boolean;
  onMemberCopy: (id: string, name: string) => void;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [rows, setRows] = useState<TeamMember[]>([...members]);
  const [added, setAdded] = useState({ name: '', initials: '', role: 'auditor' });
  useEffect(() => setRows([...members]), [members]);
  const roles = TEAM_ROLES.map((value) => ({ value, label: t(`teamRole.${value}`) }));
  // Who added each member and who changed which field since, when that is someone else: asked
  // again whenever the section reloads the team (an add, a removal, an import).
  const authors = useRowAuthors(handle, 'team_member', members);
  /** Read with the input (the row's visible summary line says the same). */
  const authorOf = (member: TeamMember, field: Editable) => {
    const line = authors.changed(member.id, field);
    return line ? { description: <VisuallyHidden>{line}</VisuallyHidden>, inputWrapperOrder: ['input', 'description'] as ('input' | 'description')[] } : {};
  };

  const change = (id: string, field: Editable, value: string) => {
    setRows((list) => list.map((member) => (member.id === id ? { ...member, [field]: value } : member)));
    authors.edited(id, field);
    // Name and initials must not be empty: kept on screen, not saved, until they have a value.
    if ((field === 'name' || field === 'initials') && !value.trim()) return;
    queueRow(handle, 'team_member', id, { [field]: value });
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!added.name.trim() || !added.initials.trim()) return;
    try {
      await flush();
      await invoke('rows:create', { engagementHandle: handle, table: 'team_member', values: { name: added.name.trim(), initials: added.initials.trim(), role: added.role } });
      setAdded({ name: '', initials: '', role: added.role });
      onChanged();
    } catch (failure) {
      onError(failure);
    }
  }

  const remove = (member: TeamMember) =>
    deleteRowWithUndo(handle, 'team_member', member.id, t('team.memberDeleted', { name: member.name }), t, { reload: onChanged, onError });

  const text = (member: TeamMember, field: 'name' | 'initials' | 'email', label: string, width?: number) => (
    <TextInput
      aria-label={t('common.labelled', { label, value: member.name })}
      value={member[field]}
      onChange={(e) => change(member.id, field, e.currentTarget.value)}
      onBlur={() => void flush()}
      error={field !== 'email' && !member[field].trim()}
      readOnly={readOnly}
      size="xs"
      w={width}
      {...authorOf(member, field)}
    />
  );

  /** A dimmed line per fact under the member's name: added by someone else, fields others changed. */
  const authorLines = (member: TeamMember) => {
    const added = authors.added(member.id);
    const changed = authors.changedFields(member.id, EDITABLE);
    if (!added && changed.length === 0) return null;
    return (
      <Stack gap={0} mt={4} data-testid="member-authors">
        {added ? <Text size="xs" c="dimmed">{added}</Text> : null}
        {changed.map(({ field, author }) => (
          <Text key={field} size="xs" c="dimmed">
            {t('team.fieldLastChangedBy', { field: t(`team.field.${field}`), name: author.actorName, time: formatInstant(author.wallTime) })}
          </Text>
        ))}
      </Stack>
    );
  };

  return (
    <>
      {rows.length === 0 ? <Text size="sm" c="dimmed">{t('team.noMembers')}</Text> : null}
      {rows.length > 0 ? (
        <Table verticalSpacing="xs" aria-label={t('team.membersTitle')} styles={{ td: { verticalAlign: 'top' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overview.teamColumns.name')}</Table.Th>
              <Table.Th>{t('overview.teamColumns.initials')}</Table.Th>
              <Table.Th>{t('overview.teamColumns.role')}</Table.Th>
              <Table.Th>{t('team.email')}</Table.Th>
              <Table.Th>{memberCopyOf ? null : t('team.copiesIssued')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((member) => {
              const issued = overview?.memberCopies.filter((c) => c.memberId === member.id) ?? [];
              return (
                <Table.Tr key={member.id} data-testid="team-row">
                  <Table.Td>
                    {text(member, 'name', t('overview.teamColumns.name'))}
                    {authorLines(member)}
                  </Table.Td>
                  <Table.Td>{text(member, 'initials', t('overview.teamColumns.initials'), 70)}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('common.labelled', { label: t('overview.teamColumns.role'), value: member.name })}
                      data={withStoredValue(roles, member.role)}
                      value={member.role}
                      onChange={(value) => value && (change(member.id, 'role', value), void flush())}
                      allowDeselect={false}
                      readOnly={readOnly}
                      size="xs"
                      w={190}
                      {...authorOf(member, 'role')}
                    />
                  </Table.Td>
                  <Table.Td>{text(member, 'email', t('team.email'))}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" mt={6}>
                      {memberCopyOf ? null : issued.length ? issued.map((c) => formatInstant(c.issuedAt)).join(t('common.listSeparator')) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {/* Member copies are issued from the lead's file, not from a member's copy. */}
                      {!memberCopyOf ? (
                        <Button size="compact-sm" variant="light" onClick={() => onMemberCopy(member.id, member.name)} loading={copying}>
                          {t('team.memberCopyButton')}
                        </Button>
                      ) : null}
                      {readOnly ? null : <DeleteRowButton label={t('team.deleteMember', { name: member.name })} onDelete={() => void remove(member)} size={16} />}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {readOnly ? null : (
        <form onSubmit={(event) => void add(event)} aria-label={t('team.addMember')}>
          <Group align="flex-end" mt="sm">
            <TextInput label={t('team.newMember')} placeholder={t('team.newMemberPlaceholder')} value={added.name} onChange={(e) => setAdded({ ...added, name: e.currentTarget.value })} style={{ flex: 2 }} />
            <TextInput label={t('overview.teamColumns.initials')} value={added.initials} onChange={(e) => setAdded({ ...added, initials: e.currentTarget.value })} w={90} />
            <Select label={t('overview.teamColumns.role')} data={roles} value={added.role} onChange={(value) => value && setAdded({ ...added, role: value })} allowDeselect={false} w={200} />
            <Button type="submit" leftSection={<IconPlus size={16} />} disabled={!added.name.trim() || !added.initials.trim()}>
              {t('team.addMember')}
            </Button>
          </Group>
        </form>
      )}
    </>
  );
}
