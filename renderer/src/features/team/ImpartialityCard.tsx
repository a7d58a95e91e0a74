import { Badge, Card, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember, TeamRole } from '../../../../shared/engagement.ts';
import { isCalendarDate } from '../../../../shared/time.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useEngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { requires, useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { compareNames } from '../../i18n/locale.ts';

/** People who accompany the audit team: their time does not count and they do not audit (17021-1, 20000-6). */
const ACCOMPANYING: readonly string[] = ['technical_expert', 'observer', 'guide', 'interpreter'] satisfies readonly TeamRole[];
const DECLARATION = { open: null, none: 1, conflict: 0 } as const;
type Declaration = keyof typeof DECLARATION;
const declarationOf = (value: number | null): Declaration => (value === 1 ? 'none' : value === 0 ? 'conflict' : 'open');
type Editable = 'registration_number' | 'no_conflict' | 'conflict_note' | 'declared_on' | 'declared_by';

/**
 * Impartiality and qualification: each person's declaration for this client (no conflict of
 * interest, its date, who declared it), registration numbers, and when the client was told the
 * team's names so it could object. Accompanying persons are listed apart from the auditors.
 */
export function ImpartialityCard({ handle, members, readOnly }: { handle: string; members: readonly TeamMember[]; readOnly: boolean }) {
  const { t } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const form = useEngagementForm();
  // Where the CB's reports carry them (CCAA in China), every auditor's registration number is required.
  const profile = useEngagementProfile(handle);
  const registrationRequired = requires(profile, 'ccaa-registration-numbers');
  const [rows, setRows] = useState<TeamMember[]>([...members]);
  useEffect(() => setRows([...members]), [members]);

  const change = <F extends Editable>(id: string, field: F, value: TeamMember[F]) => {
    setRows((list) => list.map((member) => (member.id === id ? { ...member, [field]: value } : member)));
    // A half-typed day stays on screen until it is a date (an empty one clears it).
    if ((field === 'declared_on' && value !== null && !isCalendarDate(String(value))) || readOnly) return;
    queueRow(handle, 'team_member', id, { [field]: value });
  };

  const byName = (a: TeamMember, b: TeamMember) => compareNames(a.name, b.name);
  const auditors = rows.filter((m) => !ACCOMPANYING.includes(m.role)).sort(byName);
  const accompanying = rows.filter((m) => ACCOMPANYING.includes(m.role)).sort(byName);

  const row = (member: TeamMember) => {
    const declaration = declarationOf(member.no_conflict);
    return (
      <Table.Tr key={member.id} data-testid="impartiality-row">
        <Table.Td>
          <Text size="sm" fw={500} translate="no">
            {member.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`teamRole.${member.role}`, { defaultValue: member.role })}
          </Text>
        </Table.Td>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label={t('team.registrationFor', { name: member.name })}
            value={member.registration_number}
            error={
              registrationRequired && !ACCOMPANYING.includes(member.role) && !member.registration_number.trim()
                ? t('team.registrationRequired', { profile: profile!.title })
                : null
            }
            onChange={(e) => change(member.id, 'registration_number', e.currentTarget.value)}
            onBlur={() => void flush()}
            readOnly={readOnly}
          />
        </Table.Td>
        <Table.Td>
          <Stack gap={4}>
            <Select
              size="xs"
              aria-label={t('team.declarationFor', { name: member.name })}
              data={(Object.keys(DECLARATION) as Declaration[]).map((value) => ({ value, label: t(`team.declaration.${value}`) }))}
              value={declaration}
              onChange={(value) => value && (change(member.id, 'no_conflict', DECLARATION[value as Declaration]), void flush())}
              allowDeselect={false}
              readOnly={readOnly}
            />
            {declaration === 'open' ? (
              <Badge color="orange" variant="light" size="sm">
                {t('team.declarationMissing')}
              </Badge>
            ) : null}
          </Stack>
        </Table.Td>
        <Table.Td>
          <TextInput
            size="xs"
            type="date"
            aria-label={t('team.declaredOnFor', { name: member.name })}
            value={member.declared_on ?? ''}
            onChange={(e) => change(member.id, 'declared_on', e.currentTarget.value || null)}
            onBlur={() => void flush()}
            readOnly={readOnly}
          />
        </Table.Td>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label={t('team.declaredByFor', { name: member.name })}
            value={member.declared_by}
            onChange={(e) => change(member.id, 'declared_by', e.currentTarget.value)}
            onBlur={() => void flush()}
            readOnly={readOnly}
          />
        </Table.Td>
      </Table.Tr>
    );
  };

  const conflicts = rows.filter((m) => m.no_conflict === 0);
  const table = (people: TeamMember[], title: string, hint: string) =>
    people.length ? (
      <div>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="xs" c="dimmed" mb={4}>
          {hint}
        </Text>
        <Table verticalSpacing={6} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('overview.teamColumns.name')}</Table.Th>
              <Table.Th w="18%">{t('team.registration')}</Table.Th>
              <Table.Th w="22%">{t('team.declarationColumn')}</Table.Th>
              <Table.Th w="16%">{t('team.declaredOn')}</Table.Th>
              <Table.Th>{t('team.declaredBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{people.map(row)}</Table.Tbody>
        </Table>
      </div>
    ) : null;

  return (
    <Card withBorder padding="lg" data-testid="impartiality">
      <Title order={5}>{t('team.impartialityTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('team.impartialityIntro')}
      </Text>
      <Stack>
        <TextInput
          type="date"
          w={260}
          label={t('team.notifiedOn')}
          description={form.authorHint('team_notified_on') ?? t('team.notifiedOnHint')}
          value={form.values.team_notified_on ?? ''}
          onChange={(e) => {
            const day = e.currentTarget.value;
            if (day === '' || isCalendarDate(day)) form.change('team_notified_on', day || null);
          }}
          onBlur={form.blur}
          readOnly={readOnly}
        />
        {rows.length === 0 ? <Text size="sm" c="dimmed">{t('team.impartialityEmpty')}</Text> : null}
        {table(auditors, t('team.auditorsTitle'), t('team.auditorsHint'))}
        {table(accompanying, t('team.accompanyingTitle'), t('team.accompanyingHint'))}
        {conflicts.map((member) => (
          <Textarea
            key={member.id}
            label={t('team.conflictNote', { name: member.name })}
            description={t('team.conflictNoteHint')}
            value={member.conflict_note}
            onChange={(e) => change(member.id, 'conflict_note', e.currentTarget.value)}
            onBlur={() => void flush()}
            autosize
            minRows={2}
            readOnly={readOnly}
            error={member.conflict_note.trim() ? null : t('team.conflictNoteMissing')}
          />
        ))}
      </Stack>
    </Card>
  );
}
