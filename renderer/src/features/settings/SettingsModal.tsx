import { Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterfaceLanguage } from '../../../../shared/languages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { i18next } from '../../i18n/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { BackupsPanel } from './BackupsPanel.tsx';
import { LanguageChooser } from './LanguageChooser.tsx';
import { TrustedCertificatesPanel } from './TrustedCertificatesPanel.tsx';

/** The installation's settings: the interface language (applied at once), who uses it, its backups and the trusted certificates. */
export function SettingsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const installation = useAppStore((s) => s.installation);
  const setInstallation = useAppStore((s) => s.setInstallation);
  const [name, setName] = useState(installation?.name ?? '');
  const [initials, setInitials] = useState(installation?.initials ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The choice shows at once; the interface follows when the installation has stored it.
  const [language, setLanguage] = useState<InterfaceLanguage>(() => installation?.language ?? (i18next.language === 'zh-CN' ? 'zh-CN' : 'en'));
  if (!installation) return null;

  async function save(patch: { name?: string; initials?: string; language?: InterfaceLanguage }): Promise<boolean> {
    setError(null);
    setBusy(true);
    try {
      const saved = await invoke('installation:set', {
        name: patch.name ?? installation!.name,
        initials: patch.initials ?? installation!.initials,
        language: patch.language ?? language,
      });
      setInstallation(saved);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || !initials.trim()) return;
    if (await save({ name: name.trim(), initials: initials.trim() })) {
      notifications.show({ message: t('settings.saved'), autoClose: 2500 });
      onClose();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.title')} size="lg">
      <Stack>
        {error ? <ErrorNotice error={error} /> : null}
        <LanguageChooser
          label={t('settings.language')}
          description={t('settings.languageHint')}
          value={language}
          onChange={(next) => {
            const before = language;
            setLanguage(next);
            void save({ language: next }).then((saved) => saved || setLanguage(before));
          }}
        />
        <Divider />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500}>
                {t('settings.you')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('settings.youHint')}
              </Text>
            </div>
            <Group align="flex-start" wrap="nowrap">
              <TextInput
                label={t('firstRun.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={name.trim() ? null : t('firstRun.nameRequired')}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('firstRun.initials')}
                value={initials}
                onChange={(e) => setInitials(e.currentTarget.value.toUpperCase())}
                error={initials.trim() ? null : t('firstRun.initialsRequired')}
                maxLength={10}
                w={120}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={name.trim() === installation.name && initials.trim() === installation.initials}>
                {t('settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Divider />
        <BackupsPanel />
        <Divider />
        <TrustedCertificatesPanel />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
