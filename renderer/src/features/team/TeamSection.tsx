import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileExport, IconFileImport, IconUsers } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementRosterView } from '../../../../shared/contract/views.ts';
import type { ConflictItemView, TeamOverviewView } from '../../../../shared/contract/team-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { ExportPackageModal } from './ExportPackageModal.tsx';
import { ImportModal } from './ImportModal.tsx';
import { JobProgress } from './JobProgress.tsx';
import { ShaResult } from './ShaResult.tsx';
import { ImpartialityCard } from './ImpartialityCard.tsx';
import { MySignatureCard } from './MySignatureCard.tsx';
import { TeamMembersTable } from './TeamMembersTable.tsx';

/**
 * Team: member copies for the team, return packages back, imports with a preview, conflicts the
 * lead decides, and the history of it all.
 */
export function TeamSection() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const updateCurrent = useAppStore((s) => s.updateCurrent);
  const flush = useSaveStore((s) => s.flush);
  const chooser = useFileChooser();
  const [overview, setOverview] = useState<TeamOverviewView | null>(null);
  const [roster, setRoster] = useState<EngagementRosterView | null>(null);
  const [conflicts, setConflicts] = useState<ConflictItemView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const [importFile, setImportFile] = useState<string | null>(null);
  const [copyJob, setCopyJob] = useState<string | null>(null);
  const [copyResult, setCopyResult] = useState<{ file: string; sha256: string; member: string } | null>(null);
  const handle = current.handle;

  const load = useCallback(() => {
    Promise.all([
      invoke('team:overview', { engagementHandle: handle }),
      invoke('engagement:roster', { engagementHandle: handle }),
      invoke('team:conflicts', { engagementHandle: handle }),
      invoke('engagement:summary', { engagementHandle: handle }),
    ]).then(([o, r, c, summary]) => {
      setOverview(o);
      setRoster(r);
      setConflicts(c);
      updateCurrent({ engagement: summary.engagement });
    }, setError);
  }, [handle, updateCurrent]);
  useEffect(load, [load]);

  async function memberCopy(memberId: string, memberName: string) {
    setError(null);
    setCopyResult(null);
    const base = current.file.replace(/\.iso20k$/, '').split(/[\\/]/).pop() ?? t('create.defaultFileName');
    const file = await chooser.choose({ mode: 'save', kind: 'engagement', suggestedName: `${base} - ${memberName}`, title: t('team.memberCopyTitle', { name: memberName }) });
    if (!file) return;
    try {
      await flush();
      const value = await runJob({ kind: 'team:memberCopy', engagementHandle: handle, memberId, file }, setCopyJob);
      setCopyResult({ ...value, member: memberName });
      load();
    } catch (failure) {
      setError(failure);
    } finally {
      setCopyJob(null);
    }
  }

  async function chooseImport() {
    const file = await chooser.choose({ mode: 'open', kind: 'import', suggestedName: '', title: t('team.importTitle') });
    if (file) setImportFile(file);
  }

  const memberCopyOf = overview?.memberCopyOf;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={2}>{t('team.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('team.intro')}
        </Text>
      </div>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}

      {memberCopyOf ? (
        <Alert color="indigo" variant="light" icon={<IconUsers size={18} />} title={t('team.memberCopyOfTitle', { name: memberCopyOf.memberName })} data-testid="member-copy-banner">
          <Stack gap="xs">
            <Text size="sm">{t('team.memberCopyOfText', { lead: memberCopyOf.issuedByName || t('team.theLead'), date: formatInstant(memberCopyOf.issuedAt) })}</Text>
            <Group>
              <Button leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} disabled={current.readOnly}>
                {t('team.exportButton')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      {conflicts.length ? <ConflictsPanel conflicts={conflicts} handle={handle} onDecided={load} readOnly={current.readOnly} /> : null}

      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={5}>{t('team.membersTitle')}</Title>
          <Group gap="xs">
            {!memberCopyOf ? (
              <Button variant="default" size="xs" leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)}>
                {t('team.exportButton')}
              </Button>
            ) : null}
            <Button size="xs" leftSection={<IconFileImport size={16} />} onClick={() => void chooseImport()} disabled={current.readOnly}>
              {t('team.importButton')}
            </Button>
          </Group>
        </Group>
        {roster ? (
          <TeamMembersTable
            handle={handle}
            members={roster.team}
            readOnly={current.readOnly}
            memberCopyOf={Boolean(memberCopyOf)}
            overview={overview}
            copying={copyJob !== null}
            onMemberCopy={(id, name) => void memberCopy(id, name)}
            onChanged={load}
            onError={setError}
          />
        ) : null}
        <JobProgress jobId={copyJob} />
        {copyResult ? <ShaResult title={t('team.memberCopyDone', { name: copyResult.member })} file={copyResult.file} sha256={copyResult.sha256} /> : null}
      </Card>

      {roster ? <ImpartialityCard handle={handle} members={roster.team} readOnly={current.readOnly} /> : null}

      <MySignatureCard handle={handle} readOnly={current.readOnly} />

      <Card withBorder padding="lg">
        <Title order={5} mb="sm">
          {t('team.importsTitle')}
        </Title>
        {overview && overview.imports.length === 0 ? <Text size="sm" c="dimmed">{t('team.noImports')}</Text> : null}
        {overview && overview.imports.length > 0 ? (
          <Table verticalSpacing="xs" aria-label={t('team.importsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.importColumns.when')}</Table.Th>
                <Table.Th>{t('team.importColumns.from')}</Table.Th>
                <Table.Th>{t('team.importColumns.file')}</Table.Th>
                <Table.Th ta="right">{t('team.importColumns.changes')}</Table.Th>
                <Table.Th ta="right">{t('team.importColumns.conflicts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.imports.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{formatInstant(record.importedAt)}</Table.Td>
                  <Table.Td>{record.actorName}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {record.sourceName}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{record.entriesAdded}</Table.Td>
                  <Table.Td ta="right">{record.conflictsOpened}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Card>

      {chooser.picker}
      <ExportPackageModal
        opened={exporting}
        onClose={() => setExporting(false)}
        handle={handle}
        suggestedName={memberCopyOf ? t('team.packageFileName', { name: memberCopyOf.memberName }) : t('team.packageFileNameNoMember')}
        chooser={chooser}
      />
      <ImportModal file={importFile} onClose={() => setImportFile(null)} onImported={load} handle={handle} />
    </Stack>
  );
}
