import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_KINDS, type Site } from '../../../../shared/engagement.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { showUndo } from '../../components/undo.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';

type SiteValue = string | number | null;

/**
 * The engagement's sites: each field saves itself (500 ms after the last keystroke, or on blur),
 * a new site needs only a name and its kind, a delete can be undone from its toast.
 */
export function SitesEditor() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const readOnly = current.readOnly;
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [sites, setSites] = useState<Site[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [newName, setNewName] = useState('');
  const [newKind, setNewKind] = useState<string>('permanent');
  const kinds = SITE_KINDS.map((value) => ({ value, label: t(`siteKind.${value}`) }));

  const load = useCallback(() => {
    invoke('engagement:roster', { engagementHandle: handle }).then((roster) => setSites(roster.sites), setError);
  }, [handle]);
  useEffect(load, [load]);

  const change = (id: string, field: keyof Site, value: SiteValue) => {
    setSites((list) => list?.map((site) => (site.id === id ? { ...site, [field]: value } : site)) ?? null);
    // A name must not be empty: it is kept on screen, not saved, until it has one.
    if (field === 'name' && typeof value === 'string' && !value.trim()) return;
    queueRow(handle, 'site', id, { [field]: value });
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!newName.trim()) return;
    setError(null);
    try {
      await flush();
      await invoke('rows:create', { engagementHandle: handle, table: 'site', values: { name: newName.trim(), kind: newKind } });
      setNewName('');
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  async function remove(site: Site) {
    setError(null);
    try {
      await flush();
      await invoke('rows:delete', { engagementHandle: handle, table: 'site', id: site.id });
      load();
      showUndo(t, t('sites.deleted', { name: site.name }), async () => {
        await invoke('rows:restore', { engagementHandle: handle, table: 'site', id: site.id }).then(() => load(), setError);
      });
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Card withBorder padding="lg" data-testid="sites-editor">
      <Title order={5} mb={4}>
        {t('sites.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sites.intro')}
      </Text>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <Stack gap="md">
        {sites && sites.length === 0 ? <Text size="sm" c="dimmed">{t('sites.empty')}</Text> : null}
        {sites?.map((site) => (
          <Card key={site.id} withBorder radius="sm" padding="sm" data-testid="site-row" bg="gray.0">
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('sites.name')}
                  value={site.name}
                  onChange={(e) => change(site.id, 'name', e.currentTarget.value)}
                  onBlur={() => void flush()}
                  error={site.name.trim() ? null : t('create.required')}
                  readOnly={readOnly}
                  style={{ flex: 2 }}
                />
                <Select
                  label={t('sites.kind')}
                  data={kinds}
                  value={site.kind}
                  onChange={(value) => value && (change(site.id, 'kind', value), void flush())}
                  allowDeselect={false}
                  readOnly={readOnly}
                  style={{ flex: 1 }}
                />
                <NumberInput
                  label={t('sites.headcount')}
                  value={site.headcount ?? ''}
                  min={0}
                  allowDecimal={false}
                  onChange={(value) => change(site.id, 'headcount', typeof value === 'number' ? value : null)}
                  onBlur={() => void flush()}
                  readOnly={readOnly}
                  w={120}
                />
                <Switch
                  label={t('sites.inScope')}
                  checked={site.in_scope === 1}
                  onChange={(e) => (change(site.id, 'in_scope', e.currentTarget.checked ? 1 : 0), void flush())}
                  disabled={readOnly}
                  mb={8}
                />
                {readOnly ? null : <DeleteRowButton label={t('sites.delete', { name: site.name })} onDelete={() => void remove(site)} />}
              </Group>
              <SimpleGrid cols={2}>
                <TextInput label={t('sites.address')} value={site.address} onChange={(e) => change(site.id, 'address', e.currentTarget.value)} onBlur={() => void flush()} readOnly={readOnly} />
                <TextInput label={t('sites.country')} value={site.country} onChange={(e) => change(site.id, 'country', e.currentTarget.value)} onBlur={() => void flush()} readOnly={readOnly} />
              </SimpleGrid>
              <Textarea
                label={t('sites.activities')}
                value={site.activities}
                autosize
                minRows={1}
                maxRows={6}
                onChange={(e) => change(site.id, 'activities', e.currentTarget.value)}
                onBlur={() => void flush()}
                readOnly={readOnly}
              />
            </Stack>
          </Card>
        ))}
        {readOnly ? null : (
          <form onSubmit={(event) => void add(event)} aria-label={t('sites.add')}>
            <Group align="flex-end">
              <TextInput label={t('sites.newName')} placeholder={t('sites.newNamePlaceholder')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} style={{ flex: 2 }} />
              <Select label={t('sites.kind')} data={kinds} value={newKind} onChange={(value) => value && setNewKind(value)} allowDeselect={false} style={{ flex: 1 }} />
              <Button type="submit" leftSection={<IconPlus size={16} />} disabled={!newName.trim()}>
                {t('sites.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}
