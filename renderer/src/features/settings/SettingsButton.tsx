import { ActionIcon, Kbd, Tooltip } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { SettingsModal } from './SettingsModal.tsx';

/** The settings gear in every screen's header; Ctrl+, (⌘, on a Mac) opens it, as in most desktop apps. */
export function SettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useGuardedHotkeys([['mod+,', () => setOpen(true)]]);
  return (
    <>
      <Tooltip label={<>{t('settings.open')} <Kbd size="xs">Ctrl+,</Kbd></>}>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('settings.open')} onClick={() => setOpen(true)} data-testid="settings-button">
          <IconSettings size={20} />
        </ActionIcon>
      </Tooltip>
      {open ? <SettingsModal opened onClose={() => setOpen(false)} /> : null}
    </>
  );
}
