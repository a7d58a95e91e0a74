import { Card, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ManifestCheckView } from '../../../../shared/contract/signing-views.ts';

/** A Word report's signed manifest: which audit and revision it names, and whether it belongs to this document and signer. */
export function ManifestCheck({ manifest }: { manifest: ManifestCheckView | null }) {
  const { t } = useTranslation();
  if (!manifest) {
    return (
      <Text size="sm" c="dimmed" data-testid="verify-manifest-missing">
        {t('signing.verify.manifest.missing')}
      </Text>
    );
  }
  const facts: [boolean, string][] = [
    [manifest.valid, manifest.valid ? t('signing.verify.manifest.valid') : t('signing.verify.manifest.invalid')],
    [manifest.matchesDocument, manifest.matchesDocument ? t('signing.verify.manifest.matches') : t('signing.verify.manifest.notMatches')],
    [manifest.sameSigner, manifest.sameSigner ? t('signing.verify.manifest.sameSigner') : t('signing.verify.manifest.otherSigner')],
  ];
  return (
    <Card withBorder padding="md" data-testid="verify-manifest" data-valid={manifest.valid && manifest.matchesDocument && manifest.sameSigner}>
      <Stack gap="xs">
        <Text fw={600}>{t('signing.verify.manifest.title')}</Text>
        <Table verticalSpacing={2} fz="sm" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180} fw={500} c="dimmed">
                {t('signing.verify.manifest.client')}
              </Table.Th>
              <Table.Td translate="no">{manifest.client}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th fw={500} c="dimmed">
                {t('signing.verify.manifest.reference')}
              </Table.Th>
              <Table.Td translate="no">{manifest.reference}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th fw={500} c="dimmed">
                {t('signing.verify.manifest.revision')}
              </Table.Th>
              <Table.Td>{manifest.revision}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm">{t('signing.verify.manifest.chains', { count: manifest.chainHeads })}</Text>
        <List spacing={2} size="sm" center>
          {facts.map(([holds, text]) => (
            <List.Item key={text} icon={holds ? <IconCheck size={16} color="var(--mantine-color-teal-7)" /> : <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />} data-holds={holds}>
              {text}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
