import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The delete button of a row editor: labelled with what it deletes (the undo toast follows). */
export function DeleteRowButton({ label, onDelete, size = 18 }: { label: string; onDelete: () => void; size?: number }) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onDelete}>
        <IconTrash size={size} />
      </ActionIcon>
    </Tooltip>
  );
}
