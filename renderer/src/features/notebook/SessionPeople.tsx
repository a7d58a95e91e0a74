import { ActionIcon, Badge, Button, Group, Paper, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import { sameKey } from '../../../../shared/fieldwork/notebook-structure.ts';
import type { PlanAuditee } from '../../../../shared/plan/plan-rows.ts';
import { showUndo } from '../../components/undo.tsx';
import { compareNames } from '../../i18n/locale.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';

/**
 * The people interviewed in a session (session_person → person), with their role and organization
 * editable in place (autosaved; a person is one row for the whole engagement, so a role changed here
 * shows everywhere); the plan's auditees of the session not yet met are listed as expected.
 */
export function SessionPeople({
  sessionId,
  records,
  auditees,
  readOnly,
  onError,
}: {
  sessionId: string;
  records: FieldworkRecordsView;
  auditees: readonly PlanAuditee[];
  readOnly: boolean;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const { edit, create, remove, restore } = useFieldworkRecords.getState();
  const links = records.session_person.filter((link) => link.session_id === sessionId);
  const people = links
    .map((link) => ({ link, person: records.person.find((row) => row.id === link.person_id) }))
    .filter((item): item is { link: (typeof links)[number]; person: FieldworkRecordsView['person'][number] } => item.person !== undefined)
    .sort((a, b) => compareNames(a.person.name, b.person.name));
  const metKeys = new Set(people.map((item) => sameKey(item.person.name)));
  const expected = auditees.filter((auditee) => auditee.session_id === sessionId && !metKeys.has(sameKey(auditee.name)));

  const markMet = async (auditee: PlanAuditee) => {
    try {
      const known = records.person.find((row) => sameKey(row.name) === sameKey(auditee.name));
      const personId = known ? known.id : await create('person', { name: auditee.name.trim(), ...(auditee.role ? { role: auditee.role } : {}) });
      if (known && !known.role && auditee.role) edit('person', known.id, { role: auditee.role });
      await create('session_person', { session_id: sessionId, person_id: personId });
    } catch (failure) {
      onError(failure);
    }
  };

  const unlink = async (linkId: string, name: string) => {
    try {
      await remove('session_person', linkId);
      showUndo(t, t('notebook.people.removed', { name }), () => restore('session_person', linkId).catch(onError));
    } catch (failure) {
      onError(failure);
    }
  };

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="session-people">
      <Group justify="space-between" mb={people.length || expected.length ? 'xs' : 0}>
        <Title order={5}>{t('notebook.people.title')}</Title>
        <Text size="xs" c="dimmed">
          {people.length}
        </Text>
      </Group>
      {!people.length && !expected.length ? (
        <Text size="sm" c="dimmed">
          {t('notebook.people.none')}
        </Text>
      ) : (
        <Table verticalSpacing={2} horizontalSpacing="xs" withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>
                <Text size="xs" c="dimmed">
                  {t('notebook.people.role')}
                </Text>
              </Table.Th>
              <Table.Th>
                <Text size="xs" c="dimmed">
                  {t('notebook.people.organization')}
                </Text>
              </Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map(({ link, person }) => (
              <Table.Tr key={link.id} data-testid="interviewee">
                <Table.Td>
                  <Text size="sm" fw={500} translate="no" data-testid="interviewee-name">
                    {person.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    variant="filled"
                    value={person.role}
                    readOnly={readOnly}
                    onChange={(event) => edit('person', person.id, { role: event.currentTarget.value })}
                    aria-label={t('common.labelled', { label: t('notebook.people.role'), value: person.name })}
                    data-testid="interviewee-role"
                    translate="no"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    variant="filled"
                    value={person.organization}
                    readOnly={readOnly}
                    onChange={(event) => edit('person', person.id, { organization: event.currentTarget.value })}
                    aria-label={t('common.labelled', { label: t('notebook.people.organization'), value: person.name })}
                    data-testid="interviewee-organization"
                    translate="no"
                  />
                </Table.Td>
                <Table.Td>
                  {!readOnly ? (
                    <Tooltip label={t('notebook.people.remove', { name: person.name })} openDelay={300}>
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('notebook.people.remove', { name: person.name })} onClick={() => void unlink(link.id, person.name)}>
                        <IconX size={14} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
            {expected.map((auditee) => (
              <Table.Tr key={auditee.id} data-testid="expected-auditee" style={{ opacity: 0.8 }}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" c="dimmed" translate="no">
                      {auditee.name}
                    </Text>
                    <Tooltip label={t('notebook.people.expectedHint')} openDelay={300}>
                      <Badge size="xs" variant="outline" color="teal">
                        {t('notebook.people.expected')}
                      </Badge>
                    </Tooltip>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" translate="no" px={8}>
                    {auditee.role}
                  </Text>
                </Table.Td>
                <Table.Td />
                <Table.Td>
                  {!readOnly ? (
                    <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCheck size={12} />} onClick={() => void markMet(auditee)} data-testid="mark-met">
                      {t('notebook.people.met')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
