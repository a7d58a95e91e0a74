import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconDownload, IconFileImport, IconPlus, IconReplace, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../shared/contract/signing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { safeFileName } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { CreateIdentityModal } from './CreateIdentityModal.tsx';
import { IdentityDetails } from './IdentityDetails.tsx';
import { ImportIdentityModal } from './ImportIdentityModal.tsx';
import { useSigningStore } from './signing-store.ts';
import { VerifyDialog } from './VerifyDialog.tsx';

type Confirm = 'replace' | 'remove' | null;

/**
 * "Your signing certificate" (issue 19), in the Report section above the export: none yet → what it
 * is for and how to get one (create here, or import the CB's .p12/.pfx); one → its details, warnings,
 * the certificate saved for the CB, verification, replace and remove.
 */
export function SigningCard({ organisation, chooser }: { organisation: string; chooser: ReturnType<typeof useFileChooser> }) {
  const { t } = useTranslation();
  const { status, error: loadError, load, setStatus } = useSigningStore();
  const auditor = useAppStore((s) => s.installation?.name ?? '');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [verifying, setVerifying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [exported, setExported] = useState<{ file: string; downloadUrl: string | null } | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const identity = status?.identity ?? null;
  const protection = status?.protection ?? 'os';

  function adopt(next: SigningIdentityView) {
    setStatus({ identity: next, protection });
    setCreating(false);
    setExported(null);
  }

  async function chooseImport() {
    setError(null);
    const file = await chooser.choose({ mode: 'open', kind: 'keystore', suggestedName: '', title: t('signing.import.chooseTitle') });
    if (file) setImporting(file);
  }

  async function exportCertificate() {
    if (!identity) return;
    setError(null);
    setExported(null);
    const file = await chooser.choose({ mode: 'save', kind: 'certificate', suggestedName: safeFileName(t('signing.card.exportName', { name: identity.name })), title: t('signing.card.exportTitle') });
    if (!file) return;
    setBusy(true);
    try {
      setExported(await invoke('signing:exportCertificate', { file }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await invoke('signing:remove', {});
      setStatus({ identity: null, protection });
      setExported(null);
      setConfirm(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" data-testid="signing-card">
      <Stack gap="md">
        <Group gap="xs">
          <IconCertificate size={20} />
          <Title order={4}>{t('signing.card.title')}</Title>
        </Group>
        {loadError ? <ErrorNotice error={loadError} /> : null}
        {!status && !loadError ? (
          <Text size="sm" c="dimmed">
            {t('signing.card.loading')}
          </Text>
        ) : null}
        {status && !identity ? (
          <Stack gap="sm" data-testid="signing-empty">
            <Text fw={500}>{t('signing.card.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" maw={900}>
              {t('signing.card.emptyText')}
            </Text>
            <Group>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="signing-create">
                {t('signing.card.create')}
              </Button>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void chooseImport()} data-testid="signing-import">
                {t('signing.card.import')}
              </Button>
              <Button variant="subtle" leftSection={<IconShieldCheck size={16} />} onClick={() => setVerifying(true)} data-testid="signing-verify">
                {t('signing.card.verify')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {identity ? (
          <>
            <IdentityDetails identity={identity} />
            <Group>
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportCertificate()} loading={busy && confirm === null} data-testid="signing-export">
                {t('signing.card.exportCertificate')}
              </Button>
              <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => setVerifying(true)} data-testid="signing-verify">
                {t('signing.card.verify')}
              </Button>
              <Button variant="subtle" leftSection={<IconReplace size={16} />} onClick={() => setConfirm('replace')} data-testid="signing-replace">
                {t('signing.card.replace')}
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirm('remove')} data-testid="signing-remove">
                {t('signing.card.remove')}
              </Button>
            </Group>
          </>
        ) : null}
        {error && confirm === null ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {exported ? (
          <Alert color="teal" variant="light" title={t('signing.card.exported', { file: exported.file })} data-testid="signing-exported" withCloseButton onClose={() => setExported(null)}>
            <Stack gap={4}>
              <Text size="sm">{t('signing.card.exportedHint')}</Text>
              {exported.downloadUrl ? (
                <Anchor href={exported.downloadUrl} download size="sm" data-testid="signing-export-download">
                  <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> {t('signing.card.download', { file: exported.file })}
                </Anchor>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
      </Stack>

      {creating ? <CreateIdentityModal opened onClose={() => setCreating(false)} onCreated={adopt} protection={protection} defaults={{ name: auditor, organisation }} /> : null}
      <ImportIdentityModal file={importing} onClose={() => setImporting(null)} onImported={adopt} protection={protection} />
      <ConfirmModal
        opened={confirm !== null}
        title={confirm === 'replace' ? t('signing.card.replaceTitle') : t('signing.card.removeTitle')}
        text={confirm === 'replace' ? t('signing.card.replaceText') : t('signing.card.removeText')}
        confirm={confirm === 'replace' ? t('signing.card.replaceConfirm') : t('signing.card.removeConfirm')}
        busy={busy}
        error={confirm !== null ? error : null}
        onConfirm={() => void remove()}
        onClose={() => (setConfirm(null), setError(null))}
        testId={confirm === 'replace' ? 'signing-replace-modal' : 'signing-remove-modal'}
      />
      {verifying ? <VerifyDialog opened onClose={() => setVerifying(false)} /> : null}
    </Card>
  );
}
