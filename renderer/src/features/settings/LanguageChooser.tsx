import { Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isInterfaceLanguage, type InterfaceLanguage } from '../../../../shared/languages.ts';
import { formatPercent } from '../../components/format.ts';
import { LANGUAGES, languageCoverage } from '../../i18n/languages.ts';

interface Props {
  value: InterfaceLanguage;
  onChange(language: InterfaceLanguage): void;
  label: string;
  description?: string;
}

/**
 * The interface language, each named in itself (English, 简体中文) so anyone finds theirs; a
 * language not yet complete says so, with how much of it is translated.
 */
export function LanguageChooser({ value, onChange, label, description }: Props) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} description={description} value={value} onChange={(next) => isInterfaceLanguage(next) && onChange(next)}>
      <Stack gap="xs" mt="xs">
        {LANGUAGES.map((language) => (
          <Radio
            key={language.id}
            value={language.id}
            data-testid={`language-${language.id}`}
            label={
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={500} lang={language.id} translate="no">
                  {language.autonym}
                </Text>
                {language.complete ? null : (
                  <Text size="xs" c="dimmed" data-testid="partly-translated">
                    {t('settings.partly')} ({formatPercent(languageCoverage(language))})
                  </Text>
                )}
              </Group>
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
