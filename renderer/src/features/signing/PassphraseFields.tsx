import { PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const PASSPHRASE_MIN = 8;

/** A new key file's passphrase is acceptable: 8+ characters, typed the same twice. */
export const passphraseReady = (passphrase: string, repeat: string): boolean => passphrase.length >= PASSPHRASE_MIN && passphrase === repeat;

/**
 * The passphrase that protects a new key file (where the system gives no key protection): typed
 * twice, with the sentence that it cannot be recovered.
 */
export function PassphraseFields({ passphrase, repeat, onPassphrase, onRepeat }: { passphrase: string; repeat: string; onPassphrase(value: string): void; onRepeat(value: string): void }) {
  const { t } = useTranslation();
  const short = passphrase.length > 0 && passphrase.length < PASSPHRASE_MIN;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="signing-passphrase-kept">
        {t('signing.passphrase.kept')}
      </Text>
      <PasswordInput
        label={t('signing.passphrase.label')}
        description={t('signing.passphrase.hint')}
        value={passphrase}
        onChange={(event) => onPassphrase(event.currentTarget.value)}
        error={short ? t('signing.passphrase.short') : null}
        required
        data-testid="signing-passphrase"
      />
      <PasswordInput
        label={t('signing.passphrase.repeat')}
        value={repeat}
        onChange={(event) => onRepeat(event.currentTarget.value)}
        error={repeat && repeat !== passphrase ? t('signing.passphrase.mismatch') : null}
        required
        data-testid="signing-passphrase-repeat"
      />
    </Stack>
  );
}
