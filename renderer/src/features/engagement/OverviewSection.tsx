import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconArrowRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementRosterView } from '../../../../shared/contract/views.ts';
import { SETUP_FIELDS_FOR_REPORT, auditDayCount } from '../../../../shared/engagement-rules.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDayRange } from '../../components/format.ts';
import { PlanStatusCard } from '../plan/PlanStatusCard.tsx';
import { CertificateCountdown } from './CertificateCountdown.tsx';
import { FieldworkProgressCard } from './FieldworkProgressCard.tsx';
import { FindingsStatusCard } from './FindingsStatusCard.tsx';
import { ReportStatusCard } from './ReportStatusCard.tsx';
import { orderSites, orderTeam } from './roster-order.ts';
import { editionKey } from '../../components/options.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';

function Fact({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={value ? undefined : 'dimmed'} translate={value ? 'no' : undefined}>
        {value || t('common.notSet')}
      </Text>
    </div>
  );
}

/** A read-only summary of the engagement: what, against what, when, where and by whom. */
export function OverviewSection() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const setSection = useAppStore((s) => s.setSection);
  const [roster, setRoster] = useState<EngagementRosterView | null>(null);
  const [openConflicts, setOpenConflicts] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const engagement = current.engagement;

  useEffect(() => {
    invoke('engagement:roster', { engagementHandle: current.handle }).then(setRoster, setError);
    invoke('team:overview', { engagementHandle: current.handle }).then((team) => setOpenConflicts(team.openConflicts), setError);
  }, [current.handle]);

  if (!engagement) return null;
  const missing = SETUP_FIELDS_FOR_REPORT.filter((field) => !engagement[field].trim());
  const days = auditDayCount(engagement.start_date, engagement.end_date);

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" c="dimmed">
            {t('overview.title')}
          </Text>
          <Title order={2}>{engagement.client_name}</Title>
        </div>
        <Group gap="xs">
          <Badge variant="light">{t(`auditType.${engagement.audit_type}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(editionKey(engagement.standard_edition))}
          </Badge>
        </Group>
      </Group>

      {error ? <ErrorNotice error={error} /> : null}
      <CertificateCountdown engagement={engagement} />
      <PlanStatusCard />
      <FieldworkProgressCard />
      <FindingsStatusCard />
      <ReportStatusCard />

      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Fact label={t('overview.dates')} value={`${formatDayRange(engagement.start_date, engagement.end_date)} · ${t('common.days', { count: days })}`} />
            <Fact label={t('setup.timeZone')} value={engagement.time_zone} />
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Fact label={t('overview.client')} value={[engagement.client_name, engagement.client_address].filter(Boolean).join('\n')} />
            <Fact label={t('setup.certificationBody')} value={engagement.certification_body} />
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('overview.nextSteps')}
            </Text>
            {openConflicts ? (
              <Text size="sm" c="orange.8" style={{ cursor: 'pointer' }} onClick={() => setSection('team')} data-testid="next-step-conflicts">
                <IconArrowRight size={14} style={{ verticalAlign: 'middle' }} /> {t('overview.nextConflicts', { count: openConflicts })}
              </Text>
            ) : null}
            {missing.length ? (
              <Text
                size="sm"
                c="indigo"
                style={{ cursor: 'pointer' }}
                onClick={() => setSection('setup')}
                data-testid="next-step-setup"
              >
                <IconArrowRight size={14} style={{ verticalAlign: 'middle' }} /> {t('overview.nextSetup')}
              </Text>
            ) : (
              <Text size="sm" c="teal">
                <IconCircleCheck size={14} style={{ verticalAlign: 'middle' }} /> {t('overview.nextDone')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('overview.file')}: <span translate="no">{current.file}</span> · {t(`overview.integrity.${current.integrity}`)} ·{' '}
              {t(`overview.fileCheck.${current.fileCheck.state}`, { entries: current.fileCheck.state === 'ok' ? current.fileCheck.entries : 0 })}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Fact label={t('overview.criteria')} value={engagement.criteria} />
          <Fact label={t('overview.objectives')} value={engagement.objectives} />
          <Fact label={t('overview.scope')} value={engagement.scope} />
        </SimpleGrid>
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">
            {t('overview.sites')}
          </Title>
          {roster && roster.sites.length === 0 ? <Text size="sm" c="dimmed">{t('overview.noSites')}</Text> : null}
          {roster && roster.sites.length > 0 ? (
            <Table verticalSpacing={6} aria-label={t('overview.sites')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.siteColumns.name')}</Table.Th>
                  <Table.Th>{t('overview.siteColumns.kind')}</Table.Th>
                  <Table.Th>{t('overview.siteColumns.activities')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orderSites(roster.sites).map((site) => (
                  <Table.Tr key={site.id}>
                    <Table.Td>
                      <Text size="sm" fw={500} translate="no">
                        {site.name}
                      </Text>
                      <Text size="xs" c="dimmed" translate="no">
                        {site.country}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`siteKind.${site.kind}`, { defaultValue: site.kind })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" translate="no">
                        {site.activities}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Card>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">
            {t('overview.team')}
          </Title>
          {roster && roster.team.length === 0 ? <Text size="sm" c="dimmed">{t('overview.noTeam')}</Text> : null}
          {roster && roster.team.length > 0 ? (
            <List spacing="xs" listStyleType="none" aria-label={t('overview.team')}>
              {orderTeam(roster.team).map((member) => (
                <List.Item key={member.id}>
                  <Group gap="sm">
                    <Badge variant="filled" radius="xl" w={42} translate="no">
                      {member.initials}
                    </Badge>
                    <div>
                      <Text size="sm" fw={500} translate="no">
                        {member.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`teamRole.${member.role}`, { defaultValue: member.role })}
                      </Text>
                    </div>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : null}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
