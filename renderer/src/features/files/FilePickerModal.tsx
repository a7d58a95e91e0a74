import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileDatabase, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceFileView } from '../../../../shared/contract/views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';

import { extensionFor, type FileKind } from '../../../../shared/file-kinds.ts';

export { extensionFor, type FileKind };
const EMPTY_MESSAGE = {
  engagement: 'picker.empty',
  package: 'picker.emptyImport',
  import: 'picker.emptyImport',
  checklist: 'picker.emptyChecklist',
  profile: 'profiles.pickerEmpty',
  word: 'picker.emptyWord',
  pdf: 'picker.emptyPdf',
  zip: 'picker.emptyZip',
  keystore: 'picker.emptyKeystore',
  certificate: 'picker.emptyCertificate',
  signed: 'picker.emptySigned',
  export: 'picker.emptyExport',
} as const satisfies Record<FileKind, string>;
export const withExtension = (name: string, kind: FileKind = 'engagement'): string =>
  name.endsWith(extensionFor(kind)) ? name : `${name}${extensionFor(kind)}`;

/**
 * The in-page file picker over the host's workspace folder (the browser cannot show the server's
 * file system): pick a file to open, or type a name to save under.
 */
export function FilePickerModal({
  mode,
  opened,
  onClose,
  onPick,
  suggestedName = '',
  kind = 'engagement',
  title,
}: {
  mode: 'open' | 'save';
  opened: boolean;
  onClose: () => void;
  onPick: (file: string) => void;
  suggestedName?: string;
  kind?: FileKind;
  title?: string;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<WorkspaceFileView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState(suggestedName);

  useEffect(() => {
    if (!opened) return;
    setName(suggestedName);
    setFiles(null);
    setError(null);
    invoke('files:list', { kind }).then(setFiles, setError);
  }, [opened, suggestedName, kind]);

  const exists = mode === 'save' && files?.some((f) => f.name === withExtension(name.trim(), kind));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) onPick(withExtension(name.trim(), kind));
  }

  return (
    // Above the dialog that opened it: two modals of equal z-index stack by DOM order, which a re-render can change.
    <Modal opened={opened} onClose={onClose} title={title ?? t(mode === 'open' ? 'picker.openTitle' : 'picker.saveTitle')} size="xl" zIndex={300}>
      <Stack>
        {error ? <ErrorNotice error={error} /> : null}
        {files && files.length === 0 ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {t(EMPTY_MESSAGE[kind])}
          </Alert>
        ) : null}
        {files && files.length > 0 ? (
          <ScrollArea.Autosize mah={360}>
            <Table highlightOnHover verticalSpacing="xs" aria-label={t('picker.openTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('picker.name')}</Table.Th>
                  <Table.Th ta="right">{t('picker.size')}</Table.Th>
                  <Table.Th>{t('picker.modified')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.map((file) => (
                  <Table.Tr
                    key={file.name}
                    style={{ cursor: 'pointer' }}
                    onClick={() => (mode === 'open' ? onPick(file.name) : setName(file.name))}
                    onKeyDown={(e) => e.key === 'Enter' && (mode === 'open' ? onPick(file.name) : setName(file.name))}
                    tabIndex={0}
                  >
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <IconFileDatabase size={18} color="var(--mantine-color-indigo-6)" />
                        <Text size="sm" translate="no">{file.name}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" c="dimmed">
                        {formatBytes(file.size)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatInstant(file.modifiedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        ) : null}
        {mode === 'save' ? (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <TextInput
                label={t('picker.fileName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                rightSection={<Text size="xs" c="dimmed" translate="no">{extensionFor(kind)}</Text>}
                rightSectionWidth={kind === 'package' ? 110 : 60}
                autoFocus
              />
              {exists ? (
                <Text size="sm" c="orange.8">
                  {t('picker.overwrite')}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" disabled={!name.trim()}>
                  {t(kind === 'engagement' || kind === 'package' || kind === 'import' ? 'picker.save' : 'picker.export')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Modal>
  );
}
