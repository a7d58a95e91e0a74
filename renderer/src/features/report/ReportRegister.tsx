import { Badge, Button, Card, Code, CopyButton, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportRevisionView } from '../../../../shared/contract/report-views.ts';
import { documentLanguageName } from '../../components/options.ts';
import { formatBytes, formatInstant } from '../../components/format.ts';
import { VerifyButton } from '../signing/VerifyButton.tsx';

/** A fingerprint shortened for the table, the whole of it copied (a reviewer compares the whole). */
function Fingerprint({ row }: { row: ReportRevisionView }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={row.sha256} multiline w={300} style={{ wordBreak: 'break-all' }}>
        <Code translate="no" data-testid="report-register-sha" data-sha={row.sha256}>
          {row.sha256.slice(0, 12)}…
        </Code>
      </Tooltip>
      <CopyButton value={row.sha256}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />} aria-label={t('report.register.copyLabel', { file: row.fileName })}>
            {copied ? t('report.register.copied') : t('report.register.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * The report's register: every issued revision, draft and technical-review package, newest first —
 * revision (a draft names the revision it precedes), document, format, language, layout, when and by
 * whom, and the SHA-256 that identifies the file sent.
 */
export function ReportRegister({ revisions }: { revisions: readonly ReportRevisionView[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="report-register">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{t('report.register.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('report.register.intro')}
            </Text>
          </div>
          {/* A signed revision sent back (or countersigned by the CB) is checked from here. */}
          <VerifyButton variant="default" size="sm" testId="report-verify" />
        </Group>
        {revisions.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="report-register-empty">
            {t('report.register.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={980}>
            <Table verticalSpacing={6} striped aria-label={t('report.register.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('report.register.columns.revision')}</Table.Th>
                  <Table.Th>{t('report.register.columns.document')}</Table.Th>
                  <Table.Th>{t('report.register.columns.format')}</Table.Th>
                  <Table.Th>{t('report.register.columns.language')}</Table.Th>
                  <Table.Th>{t('report.register.columns.template')}</Table.Th>
                  <Table.Th>{t('report.register.columns.exported')}</Table.Th>
                  <Table.Th>{t('report.register.columns.by')}</Table.Th>
                  <Table.Th>{t('report.register.columns.sha')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {revisions.map((row) => (
                  <Table.Tr key={row.sha256 + row.exportedAt} data-testid="report-register-row" data-kind={row.kind} data-revision={row.revision} data-draft={row.draft}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {row.draft ? (
                        <Stack gap={2} align="flex-start">
                          <Badge size="sm" color="orange" variant="light">
                            {t('report.register.draftMark')}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {t('report.register.draftFor', { revision: row.revision })}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" fw={600}>
                          {t('report.register.revision', { revision: row.revision })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`report.register.kinds.${row.kind}`)}</Text>
                      <Text size="xs" c="dimmed" translate="no">
                        {row.fileName} · {formatBytes(row.size)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" translate="no">
                        {row.format.toUpperCase()}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{documentLanguageName(t, row.language)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" translate={row.template ? 'no' : undefined}>
                        {row.template || t('report.register.ourLayout')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatInstant(row.exportedAt)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" translate="no">
                        {row.exportedBy}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Fingerprint row={row} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
