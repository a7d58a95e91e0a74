import { ActionIcon, Button, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedCertificateView } from '../../../../shared/contract/signing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay, formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { ConfirmModal } from '../signing/ConfirmModal.tsx';
import { Fingerprint } from '../signing/Fingerprint.tsx';

/**
 * Settings → Trusted certificates (issue 19): the certificates whose signatures — or whose issued
 * certificates' signatures (a CB's) — show as trusted when a report is verified. Add a certificate
 * file; remove one after a confirmation.
 */
export function TrustedCertificatesPanel() {
  const { t } = useTranslation();
  const chooser = useFileChooser();
  const [trusted, setTrusted] = useState<TrustedCertificateView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TrustedCertificateView | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);

  const load = useCallback(() => {
    invoke('signing:trusted', {}).then(setTrusted, setError);
  }, []);
  useEffect(load, [load]);

  async function add() {
    setError(null);
    const file = await chooser.choose({ mode: 'open', kind: 'certificate', suggestedName: '', title: t('signing.trusted.addTitle') });
    if (!file) return;
    setAdding(true);
    try {
      await invoke('signing:trustFile', { file });
      load();
    } catch (failure) {
      setError(failure);
    } finally {
      setAdding(false);
    }
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      await invoke('signing:untrust', { fingerprint: removing.fingerprint });
      setRemoving(null);
      load();
    } catch (failure) {
      setRemoveError(failure);
    } finally {
      setBusy(false);
    }
  }

  const name = (row: TrustedCertificateView): string => row.label || row.name;
  return (
    <Stack gap="xs" data-testid="trusted-panel">
      {/* The button under the text, not beside it: the Settings dialog is narrow and the intro long (longer still in other languages). */}
      <Stack gap={6} align="flex-start">
        <div>
          <Text size="sm" fw={500}>
            {t('signing.trusted.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('signing.trusted.intro')}
          </Text>
        </div>
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => void add()} loading={adding} data-testid="trusted-add">
          {t('signing.trusted.add')}
        </Button>
      </Stack>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {!trusted && !error ? (
        <Text size="xs" c="dimmed">
          {t('signing.trusted.loading')}
        </Text>
      ) : null}
      {trusted && trusted.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="trusted-empty">
          {t('signing.trusted.empty')}
        </Text>
      ) : null}
      {trusted && trusted.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} fz="sm" aria-label={t('signing.trusted.title')} data-testid="trusted-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('signing.trusted.name')}</Table.Th>
                <Table.Th>{t('signing.trusted.organisation')}</Table.Th>
                <Table.Th>{t('signing.trusted.fingerprint')}</Table.Th>
                <Table.Th>{t('signing.trusted.validTo')}</Table.Th>
                <Table.Th>{t('signing.trusted.added')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trusted.map((row) => (
                <Table.Tr key={row.fingerprint} data-testid="trusted-row" data-fingerprint={row.fingerprint}>
                  <Table.Td translate="no">{name(row)}</Table.Td>
                  <Table.Td translate="no">{row.organisation}</Table.Td>
                  <Table.Td>
                    <Fingerprint value={row.fingerprint} short label={t('signing.trusted.copyLabel', { name: name(row) })} testId="trusted-fingerprint" />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(row.notAfter.slice(0, 10))}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(row.addedAt)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t('signing.trusted.remove')}>
                      <ActionIcon variant="subtle" color="red" onClick={() => (setRemoveError(null), setRemoving(row))} aria-label={t('signing.trusted.removeLabel', { name: name(row) })} data-testid="trusted-remove">
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('signing.trusted.removeTitle')}
        text={t('signing.trusted.removeText', { name: removing ? name(removing) : '' })}
        confirm={t('signing.trusted.removeConfirm')}
        busy={busy}
        error={removeError}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
        testId="trusted-remove-modal"
      />
      {chooser.picker}
    </Stack>
  );
}
