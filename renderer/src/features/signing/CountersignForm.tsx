import { Button, Card, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountersignView, SigningIdentityView } from '../../../../shared/contract/signing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { safeFileName } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import type { useFileChooser } from '../files/use-file-chooser.tsx';
import { PASSPHRASE_MIN } from './PassphraseFields.tsx';
import { baseName } from './signing-store.ts';

/**
 * "Add my signature…" on a signed PDF: the role printed with it, the key file's passphrase when the
 * key is kept that way (never stored), the new file's name; the new file is then verified.
 */
export function CountersignForm({
  file,
  fileName,
  identity,
  chooser,
  onChoosing,
  onSigned,
}: {
  file: string;
  fileName: string;
  identity: SigningIdentityView;
  chooser: ReturnType<typeof useFileChooser>;
  onChoosing(choosing: boolean): void;
  onSigned(signed: CountersignView, output: string): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState(() => identity.role || t('signing.defaultRole'));
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsPassphrase = identity.protection === 'passphrase';
  const ready = !needsPassphrase || passphrase.length >= PASSPHRASE_MIN;

  async function sign() {
    setError(null);
    onChoosing(true);
    const output = await chooser.choose({ mode: 'save', kind: 'pdf', suggestedName: safeFileName(t('signing.verify.countersign.name', { name: baseName(fileName) })), title: t('signing.verify.countersign.chooseTitle') });
    onChoosing(false);
    if (!output) return;
    setBusy(true);
    try {
      const signed = await invoke('signing:countersign', { file, output, role: role.trim(), ...(needsPassphrase ? { passphrase } : {}) });
      setPassphrase('');
      setOpen(false);
      onSigned(signed, output);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      {!open ? (
        <Group>
          <Button variant="default" leftSection={<IconSignature size={16} />} onClick={() => setOpen(true)} data-testid="verify-countersign">
            {t('signing.verify.countersign.open')}
          </Button>
        </Group>
      ) : (
        <Card withBorder padding="md" data-testid="verify-countersign-form">
          <Stack gap="sm">
            <Text fw={600}>{t('signing.verify.countersign.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('signing.verify.countersign.intro')}
            </Text>
            <TextInput label={t('signing.report.role')} value={role} onChange={(e) => setRole(e.currentTarget.value)} data-testid="verify-countersign-role" />
            {needsPassphrase ? (
              <PasswordInput
                label={t('signing.passphrase.unlock')}
                description={t('signing.passphrase.unlockHint')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                data-testid="verify-countersign-passphrase"
              />
            ) : null}
            {error ? <ErrorNotice error={error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => (setOpen(false), setError(null))}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void sign()} loading={busy} disabled={!ready} data-testid="verify-countersign-submit">
                {t('signing.verify.countersign.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
