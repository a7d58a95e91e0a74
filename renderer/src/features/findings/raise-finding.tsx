import { Button, Kbd, Tooltip, type ButtonProps } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RaiseSource } from '../../../../shared/contract/finding-views.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { raiseFinding } from '../../state/findings.ts';

/** The key that raises a finding from what is in front of the auditor (an answer, a notebook entry, a record seen). */
export const RAISE_KEY = 'alt+shift+F';
export const RAISE_KEY_LABEL = 'Alt+Shift+F';

/**
 * Raising a finding from another screen: findings:raise with the source (resolved when asked: an
 * answer may have to be created first), then the Findings section opens with the new finding in the
 * editor. One raise at a time; a refusal goes to the screen's error notice.
 */
export function useRaiseFinding(onError: (error: unknown) => void) {
  const handle = useAppStore((s) => s.current?.handle ?? null);
  const readOnly = useAppStore((s) => Boolean(s.current?.readOnly));
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const raise = async (source: () => Promise<RaiseSource | null> | RaiseSource | null) => {
    if (!handle || readOnly || running.current) return;
    running.current = true;
    setBusy(true);
    try {
      const resolved = await source();
      if (resolved) await raiseFinding(handle, resolved);
    } catch (error) {
      onError(error);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { raise, busy, disabled: !handle || readOnly };
}

/**
 * "Raise finding" with its key (Alt+Shift+F, never while an input method composes). `withKey` binds
 * the key too (only one button per screen should); `keyInFields` lets it fire from a text field (the
 * notebook's composer keeps the focus).
 */
export function RaiseFindingButton({
  source,
  onError,
  withKey = true,
  keyInFields = false,
  size = 'xs',
  variant = 'light',
  testId = 'raise-finding',
}: {
  source: () => Promise<RaiseSource | null> | RaiseSource | null;
  onError: (error: unknown) => void;
  withKey?: boolean;
  keyInFields?: boolean;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  testId?: string;
}) {
  const { t } = useTranslation();
  const { raise, busy, disabled } = useRaiseFinding(onError);
  useGuardedHotkeys(withKey ? [[RAISE_KEY, () => void raise(source)]] : [], keyInFields ? [] : undefined);
  return (
    <Tooltip label={<Kbd size="xs">{RAISE_KEY_LABEL}</Kbd>} disabled={!withKey} openDelay={300}>
      <Button size={size} variant={variant} color="red" leftSection={<IconFlag size={14} />} loading={busy} disabled={disabled} onClick={() => void raise(source)} data-testid={testId}>
        {t('findings.raiseFrom')}
      </Button>
    </Tooltip>
  );
}
