import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyProtectionKind, SigningIdentityView, SigningKeyType } from '../../../../shared/contract/signing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { PassphraseFields, passphraseReady } from './PassphraseFields.tsx';

/**
 * Create a self-signed signing certificate: name (the auditor's), organisation (the engagement's CB
 * when known), role, optional email, key type, validity; a passphrase where the key goes to a key file.
 */
export function CreateIdentityModal({
  opened,
  onClose,
  onCreated,
  protection,
  defaults,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(identity: SigningIdentityView): void;
  protection: KeyProtectionKind;
  defaults: { name: string; organisation: string };
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(defaults.name);
  const [organisation, setOrganisation] = useState(defaults.organisation);
  const [role, setRole] = useState(() => t('signing.defaultRole'));
  const [email, setEmail] = useState('');
  const [keyType, setKeyType] = useState<SigningKeyType>('RSA');
  const [years, setYears] = useState(3);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsPassphrase = protection === 'passphrase';
  const ready = name.trim().length > 0 && (!needsPassphrase || passphraseReady(passphrase, repeat));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const identity = await invoke('signing:create', {
        name: name.trim(),
        organisation: organisation.trim(),
        role: role.trim(),
        email: email.trim(),
        keyType,
        years,
        ...(needsPassphrase ? { passphrase } : {}),
      });
      setPassphrase('');
      setRepeat('');
      onCreated(identity);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('signing.create.title')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('signing.create.intro')}
          </Text>
          <TextInput label={t('signing.create.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={name.trim() ? null : t('signing.create.nameRequired')} required data-testid="signing-create-name" />
          <TextInput label={t('signing.create.organisation')} description={t('signing.create.organisationHint')} value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)} data-testid="signing-create-organisation" />
          <Group grow align="flex-start">
            <TextInput label={t('signing.create.role')} value={role} onChange={(e) => setRole(e.currentTarget.value)} data-testid="signing-create-role" />
            <TextInput label={t('signing.create.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-testid="signing-create-email" />
          </Group>
          <Group align="flex-end" gap="lg">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="signing-key-type-label">
                {t('signing.create.keyType')}
              </Text>
              <SegmentedControl
                aria-labelledby="signing-key-type-label"
                value={keyType}
                onChange={(value) => setKeyType(value as SigningKeyType)}
                data={[
                  { value: 'RSA', label: t('signing.keyTypes.RSA') },
                  { value: 'EC', label: t('signing.keyTypes.EC') },
                ]}
                data-testid="signing-create-key-type"
              />
            </Stack>
            <NumberInput label={t('signing.create.years')} value={years} onChange={(value) => setYears(typeof value === 'number' ? value : 3)} min={1} max={10} clampBehavior="strict" allowDecimal={false} w={160} data-testid="signing-create-years" />
          </Group>
          <Text size="xs" c="dimmed">
            {t('signing.create.keyTypeHint')}
          </Text>
          {needsPassphrase ? <PassphraseFields passphrase={passphrase} repeat={repeat} onPassphrase={setPassphrase} onRepeat={setRepeat} /> : null}
          {error ? <ErrorNotice error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!ready} data-testid="signing-create-submit">
              {t('signing.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
