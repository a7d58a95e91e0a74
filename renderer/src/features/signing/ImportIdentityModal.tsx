import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyProtectionKind, SigningIdentityView } from '../../../../shared/contract/signing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { PassphraseFields, passphraseReady } from './PassphraseFields.tsx';

/**
 * Import the CB's .p12/.pfx (already chosen): its password, used once and not kept; a passphrase
 * for the key file where the system gives no key protection.
 */
export function ImportIdentityModal({ file, onClose, onImported, protection }: { file: string | null; onClose(): void; onImported(identity: SigningIdentityView): void; protection: KeyProtectionKind }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsPassphrase = protection === 'passphrase';
  const ready = !needsPassphrase || passphraseReady(passphrase, repeat);

  function close() {
    setPassword('');
    setPassphrase('');
    setRepeat('');
    setError(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !ready) return;
    setBusy(true);
    setError(null);
    try {
      const identity = await invoke('signing:importP12', { file, password, ...(needsPassphrase ? { passphrase } : {}) });
      close();
      onImported(identity);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={file !== null} onClose={close} title={t('signing.import.title')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('signing.import.intro', { file: file ?? '' })}
          </Text>
          <PasswordInput
            label={t('signing.import.password')}
            description={t('signing.import.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="signing-import-password"
            autoFocus
          />
          {needsPassphrase ? <PassphraseFields passphrase={passphrase} repeat={repeat} onPassphrase={setPassphrase} onRepeat={setRepeat} /> : null}
          {error ? <ErrorNotice error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!ready} data-testid="signing-import-submit">
              {t('signing.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
