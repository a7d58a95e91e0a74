import { Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import type { InterfaceLanguage } from '../../../../shared/languages.ts';
import { applyLanguage, i18next } from '../../i18n/index.ts';
import { LanguageChooser } from '../settings/LanguageChooser.tsx';

/** First run: who uses this installation. The name and initials go with every change they make. */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const setInstallation = useAppStore((s) => s.setInstallation);
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Starts as the system's language; choosing another switches the screen at once.
  const [language, setLanguage] = useState<InterfaceLanguage>(() => (i18next.language === 'zh-CN' ? 'zh-CN' : 'en'));
  const choose = (next: InterfaceLanguage) => {
    setLanguage(next);
    void applyLanguage(next);
  };

  const nameError = touched && !name.trim() ? t('firstRun.nameRequired') : null;
  const initialsError = touched && (!initials.trim() || initials.trim().length > 10) ? t('firstRun.initialsRequired') : null;

  const suggestInitials = (value: string): string =>
    value
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase())
      .join('')
      .slice(0, 4);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || !initials.trim() || initials.trim().length > 10) return;
    setBusy(true);
    try {
      setInstallation(await invoke('installation:set', { name: name.trim(), initials: initials.trim(), language }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center h="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={460}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Text c="dimmed" size="sm" fw={500}>
                {t('app.name')}
              </Text>
              <Title order={2}>{t('firstRun.title')}</Title>
            </div>
            <LanguageChooser label={t('firstRun.language')} value={language} onChange={choose} />
            <Text size="sm" c="dimmed">
              {t('firstRun.intro')}
            </Text>
            <TextInput
              label={t('firstRun.name')}
              placeholder={t('firstRun.namePlaceholder')}
              value={name}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (!initials || initials === suggestInitials(name)) setInitials(suggestInitials(value));
                setName(value);
              }}
              error={nameError}
              autoFocus
              required
            />
            <TextInput
              label={t('firstRun.initials')}
              placeholder={t('firstRun.initialsPlaceholder')}
              value={initials}
              onChange={(e) => setInitials(e.currentTarget.value.toUpperCase())}
              error={initialsError}
              maxLength={10}
              w={160}
              required
            />
            {error ? <ErrorNotice error={error} /> : null}
            <Button type="submit" loading={busy}>
              {t('firstRun.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
