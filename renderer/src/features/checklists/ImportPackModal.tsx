import type { TFunction } from 'i18next';
import { Alert, Button, Code, Group, List, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackImportView, PackIssueView } from '../../../../shared/contract/pack-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';

const isTable = (file: string | null): boolean => Boolean(file && /\.(csv|xlsx)$/i.test(file));

function where(issue: PackIssueView, t: TFunction): string {
  return [
    issue.line !== undefined ? t('checklists.importModal.line', { line: issue.line }) : null,
    issue.row !== undefined ? t('checklists.importModal.row', { row: issue.row }) : null,
    issue.column !== undefined ? t('checklists.importModal.column', { column: issue.column }) : null,
  ]
    .filter(Boolean)
    .join(t('common.listSeparator'));
}

/**
 * Import a CB's pack: JSON as it is, CSV/XLSX with the details a sheet cannot carry. A refused file
 * shows every problem with its line, row or path; "Read the file again" re-reads it once fixed.
 */
export function ImportPackModal({ opened, onClose, onImported }: { opened: boolean; onClose: () => void; onImported: (view: PackImportView) => void }) {
  const { t } = useTranslation();
  const chooser = useFileChooser();
  const [file, setFile] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState<Extract<PackImportView, { status: 'refused' }> | null>(null);
  const form = useForm({
    initialValues: { id: '', version: '1.0.0', title: '', designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018 + Amd 1:2024', language: 'en', publisher: '' },
    validate: {
      id: (v) => (/^[a-z0-9][a-z0-9._-]{2,99}$/.test(v) ? null : t('checklists.importModal.idHint')),
      version: (v) => (/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(v) ? null : t('checklists.importModal.versionHint')),
      title: (v) => (v.trim() ? null : t('create.required')),
      designation: (v) => (v.trim() ? null : t('create.required')),
      edition: (v) => (/^\d{4}$/.test(v) ? null : t('create.required')),
      criteria: (v) => (v.trim() ? null : t('create.required')),
      language: (v) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? null : t('create.required')),
    },
  });

  const reset = () => {
    setFile(null);
    setRefused(null);
    setError(null);
    form.reset();
  };

  async function choose() {
    const picked = await chooser.choose({ mode: 'open', kind: 'checklist', suggestedName: '', title: t('picker.openChecklistTitle') });
    if (!picked) return;
    setFile(picked);
    setRefused(null);
    setError(null);
    if (isTable(picked) && !form.values.title) {
      const base = picked.split(/[\\/]/).pop()!.replace(/\.(csv|xlsx)$/i, '');
      form.setValues({ title: base, id: base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).padEnd(3, '0') });
    }
  }

  async function submit() {
    if (!file) return;
    if (isTable(file) && form.validate().hasErrors) return;
    setBusy(true);
    setError(null);
    try {
      const { publisher, ...details } = form.values;
      const view = await invoke('packs:import', {
        file,
        ...(isTable(file) ? { table: { ...details, ...(publisher.trim() ? { publisher: publisher.trim() } : {}) } } : {}),
      });
      if (view.status === 'refused') {
        setRefused(view);
      } else {
        onImported(view);
        reset();
        onClose();
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={<Title order={4}>{t('checklists.importModal.title')}</Title>}
      size="xl"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('checklists.importModal.intro')}
        </Text>
        <Group>
          <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => void choose()} data-testid="pack-choose-file">
            {t('checklists.importModal.chooseFile')}
          </Button>
          <Text size="sm" data-testid="pack-file">
            {file ? <Code>{file}</Code> : <Text span c="dimmed" size="sm">{t('checklists.importModal.noFile')}</Text>}
          </Text>
        </Group>
        {isTable(file) ? (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('checklists.importModal.details')}
            </Text>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label={t('checklists.importModal.id')} description={t('checklists.importModal.idHint')} {...form.getInputProps('id')} data-testid="pack-meta-id" />
              <TextInput label={t('checklists.importModal.version')} description={t('checklists.importModal.versionHint')} {...form.getInputProps('version')} data-testid="pack-meta-version" />
              <TextInput label={t('checklists.importModal.packTitle')} {...form.getInputProps('title')} data-testid="pack-meta-title" />
              <TextInput label={t('checklists.importModal.publisher')} {...form.getInputProps('publisher')} />
              <TextInput label={t('checklists.importModal.designation')} {...form.getInputProps('designation')} />
              <TextInput label={t('checklists.importModal.edition')} {...form.getInputProps('edition')} />
              <TextInput label={t('checklists.importModal.criteria')} {...form.getInputProps('criteria')} />
              <TextInput label={t('checklists.importModal.language')} {...form.getInputProps('language')} />
            </SimpleGrid>
          </Stack>
        ) : null}
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {refused ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('checklists.importModal.refusedTitle', { file: refused.fileName })} data-testid="pack-import-refused">
            <List size="sm" spacing={4}>
              {refused.issues.map((issue, i) => (
                <List.Item key={i} data-testid="pack-issue">
                  {where(issue, t) ? (
                    <Text span fw={600} size="sm">
                      {where(issue, t)}
                      {': '}
                    </Text>
                  ) : null}
                  {issue.path ? (
                    <Code mr={4} fz="xs">
                      {issue.path}
                    </Code>
                  ) : null}
                  {issue.message}
                </List.Item>
              ))}
            </List>
            {refused.more ? <Text size="sm">{t('checklists.importModal.refusedMore', { count: refused.more })}</Text> : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!file} loading={busy} data-testid="pack-import-submit">
            {refused ? t('checklists.importModal.tryAgain') : t('checklists.importModal.submit')}
          </Button>
        </Group>
      </Stack>
      {chooser.picker}
    </Modal>
  );
}
