import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateWarning, SigningIdentityView } from '../../../../shared/contract/signing-views.ts';
import { formatDayRange } from '../../components/format.ts';
import { Fingerprint } from './Fingerprint.tsx';

const WARNING_COLOR: Record<CertificateWarning, string> = { expired: 'red', notYetValid: 'red', expiresSoon: 'yellow' };

/** The signing certificate as the auditor checks it: who, issued by whom, the fingerprint the CB records, validity, key. */
export function IdentityDetails({ identity }: { identity: SigningIdentityView }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('signing.card.organisation'), <span translate="no">{identity.organisation || '—'}</span>],
    [t('signing.card.role'), <span translate="no">{identity.role || '—'}</span>],
    [t('signing.card.issuer'), identity.selfSigned ? t('signing.card.selfSigned') : <span translate="no">{identity.issuer}</span>],
    [t('signing.card.fingerprint'), <Fingerprint value={identity.fingerprint} testId="signing-fingerprint" />],
    [t('signing.card.validity'), formatDayRange(identity.notBefore.slice(0, 10), identity.notAfter.slice(0, 10))],
    [t('signing.card.keyType'), t(`signing.keyTypes.${identity.keyType}`)],
    [t('signing.card.keyKept'), identity.protection === 'os' ? t('signing.card.keptByOs') : t('signing.card.keptInFile')],
  ];
  return (
    <Stack gap="sm" data-testid="signing-identity">
      <Group gap="sm">
        <Text fw={700} size="lg" translate="no" data-testid="signing-name">
          {identity.name}
        </Text>
        <Badge variant="light" color="gray" size="sm">
          {t(`signing.card.source.${identity.source}`)}
        </Badge>
        {identity.warnings.map((warning) => (
          <Badge key={warning} color={WARNING_COLOR[warning]} variant="filled" size="sm" data-testid="signing-warning-badge" data-warning={warning}>
            {t(`signing.card.warningBadges.${warning}`)}
          </Badge>
        ))}
      </Group>
      {identity.warnings.map((warning) => (
        <Alert key={warning} color={WARNING_COLOR[warning]} variant="light" data-testid="signing-warning" data-warning={warning}>
          {t(`signing.card.warnings.${warning}`)}
        </Alert>
      ))}
      <Table verticalSpacing={4} fz="sm" withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={200} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
