import { Checkbox, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportSignatureView, SigningIdentityView } from '../../../../shared/contract/signing-views.ts';
import { formatInstant } from '../../components/format.ts';
import { PASSPHRASE_MIN } from './PassphraseFields.tsx';
import { shortFingerprint } from './signing-store.ts';

export interface SignChoice {
  readonly sign: boolean;
  readonly role: string;
  /** Typed for one export, never stored. */
  readonly passphrase: string;
}

/** The `sign` option of an issued report's export, or undefined when it is not signed. */
export function signOption(identity: SigningIdentityView | null, choice: SignChoice): { role: string; passphrase?: string } | undefined {
  if (!identity || !choice.sign) return undefined;
  return { role: choice.role.trim(), ...(identity.protection === 'passphrase' ? { passphrase: choice.passphrase } : {}) };
}

/** Signing can go ahead: not signing, or a key that needs no passphrase, or one typed. */
export const signReady = (identity: SigningIdentityView | null, choice: SignChoice): boolean =>
  !identity || !choice.sign || identity.protection !== 'passphrase' || choice.passphrase.length >= PASSPHRASE_MIN;

/**
 * In the report's export: sign the issued revision with the installation's certificate (ticked by
 * default), the role printed with the signature, the key file's passphrase when needed. Drafts are
 * never signed; without a certificate, one line says where to get one.
 */
export function ReportSignOptions({ identity, choice, onChoice }: { identity: SigningIdentityView | null; choice: SignChoice; onChoice(next: SignChoice): void }) {
  const { t } = useTranslation();
  if (!identity) {
    return (
      <Text size="sm" c="dimmed" data-testid="report-sign-hint">
        {t('signing.report.noIdentity')}
      </Text>
    );
  }
  const needsPassphrase = identity.protection === 'passphrase';
  return (
    <Stack gap="xs" data-testid="report-sign-options">
      <Checkbox
        checked={choice.sign}
        onChange={(event) => onChoice({ ...choice, sign: event.currentTarget.checked })}
        label={t('signing.report.sign', { name: identity.name, fingerprint: shortFingerprint(identity.fingerprint) })}
        description={`${t('signing.report.signHint')} ${t('signing.report.draftsUnsigned')}`}
        data-testid="report-sign"
      />
      {choice.sign ? (
        <Group align="flex-start" gap="md" pl={32}>
          <TextInput label={t('signing.report.role')} value={choice.role} onChange={(event) => onChoice({ ...choice, role: event.currentTarget.value })} w={260} data-testid="report-sign-role" />
          {needsPassphrase ? (
            <PasswordInput
              label={t('signing.passphrase.unlock')}
              description={t('signing.passphrase.unlockHint')}
              value={choice.passphrase}
              onChange={(event) => onChoice({ ...choice, passphrase: event.currentTarget.value })}
              error={choice.passphrase.length > 0 && choice.passphrase.length < PASSPHRASE_MIN ? t('signing.passphrase.short') : null}
              w={320}
              autoComplete="off"
              data-testid="report-sign-passphrase"
            />
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

/** Under an issued, signed export: who signed, the fingerprint, when (the signer's clock), and Word's signature files. */
export function ReportSignedNote({ signature }: { signature: ReportSignatureView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="report-signed">
      <Text size="sm">{t('signing.report.signed', { signer: signature.signer, fingerprint: signature.fingerprint, time: formatInstant(signature.signedAt) })}</Text>
      {signature.files.length > 0 ? (
        <>
          <Text size="xs">{t('signing.report.signatureFiles')}</Text>
          {signature.files.map((file) => (
            <Text key={file} size="xs" ff="monospace" translate="no" data-testid="report-signature-file">
              {file}
            </Text>
          ))}
        </>
      ) : null}
    </Stack>
  );
}
