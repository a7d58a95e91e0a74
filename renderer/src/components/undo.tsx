import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/** How long a delete can be taken back from its toast (the row stays restorable in the file after that). */
export const UNDO_MS = 8000;

/**
 * The one undo for deletes: a toast saying what went, with an Undo button for a few seconds. Every
 * editor that deletes a row uses it (the row path keeps the row as a tombstone; undo restores it).
 */
export function showUndo(t: TFunction, message: string, undo: () => Promise<void>): void {
  const id = `undo-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  notifications.show({
    id,
    autoClose: UNDO_MS,
    withCloseButton: true,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          // The message wraps; the button keeps its width (a long message squeezed it to "Unc").
          style={{ flexShrink: 0 }}
          onClick={() => {
            notifications.hide(id);
            void undo();
          }}
        >
          {t('undo.button')}
        </Button>
      </Group>
    ),
  });
}
