import { Button, type ButtonProps } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VerifyDialog } from './VerifyDialog.tsx';

/** "Verify a signed report" wherever a report arrives or leaves (Home, the report's register): the button and its dialog. */
export function VerifyButton({ testId, ...props }: ButtonProps & { testId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button leftSection={<IconShieldCheck size={18} />} {...props} onClick={() => setOpened(true)} data-testid={testId}>
        {t('signing.verify.open')}
      </Button>
      {opened ? <VerifyDialog opened onClose={() => setOpened(false)} /> : null}
    </>
  );
}
