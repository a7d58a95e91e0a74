import { Box, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_KINDS, type Site } from '../../../../shared/engagement.ts';
import { withStoredValue } from '../../components/options.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useRowAuthors } from '../team/use-row-authors.ts';
import { deleteRowWithUndo } from '../../state/row-actions.ts';

type SiteValue = string | number | null;
const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];
/** The top margin that centres a control `height` px tall on an sm input below its label (the kit's sizes). */
const besideInput = (height: number) => `calc(var(--mantine-font-size-sm) * var(--mantine-line-height) + (2.25rem * var(--mantine-scale) - ${height}px) / 2)`;

/**
 * The engagement's sites: each field saves itself (500 ms after the last keystroke, or on blur),
 * a new site needs only a name and its kind, a delete can be undone from its toast.
 */
export function SitesEditor({ onSitesChanged }: { onSitesChanged?: () => void } = {}) {
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
  // Who added each site and who changed which field since, when that is someone else. Imports
  // happen in the Team section: this editor is mounted afresh when Setup is shown again.
  const authors = useRowAuthors(handle, 'site');

  const load = useCallback(() => {
    invoke('engagement:roster', { engagementHandle: handle }).then((roster) => {
      setSites(roster.sites);
      onSitesChanged?.();
    }, setError);
  }, [handle, onSitesChanged]);
  useEffect(load, [load]);

  const change = (id: string, field: keyof Site, value: SiteValue) => {
    setSites((list) => list?.map((site) => (site.id === id ? { ...site, [field]: value } : site)) ?? null);
    authors.edited(id, field);
    // A name must not be empty, a headcount not negative: kept on screen, not saved, until corrected.
    if (field === 'name' && typeof value === 'string' && !value.trim()) return;
    if (field === 'headcount' && typeof value === 'number' && value < 0) return;
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

  const remove = (site: Site) => {
    setError(null);
    return deleteRowWithUndo(handle, 'site', site.id, t('sites.deleted', { name: site.name }), t, { reload: load, onError: setError });
  };

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
        {sites?.map((site) => {
          // Under the input, so the inputs of a line stay level whichever field has a hint.
          const hint = (field: keyof Site) => ({ description: authors.changed(site.id, field), inputWrapperOrder: HINT_BELOW });
          const addedBy = authors.added(site.id);
          return (
            <Card key={site.id} withBorder radius="sm" padding="sm" data-testid="site-row" bg="gray.0">
              <Stack gap="xs">
                <Group align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('sites.name')}
                    {...hint('name')}
                    value={site.name}
                    onChange={(e) => change(site.id, 'name', e.currentTarget.value)}
                    onBlur={() => void flush().then(() => onSitesChanged?.())}
                    error={site.name.trim() ? null : t('create.required')}
                    readOnly={readOnly}
                    style={{ flex: 2 }}
                  />
                  <Select
                    label={t('sites.kind')}
                    {...hint('kind')}
                    data={withStoredValue(kinds, site.kind)}
                    value={site.kind}
                    onChange={(value) => value && (change(site.id, 'kind', value), void flush().then(() => onSitesChanged?.()))}
                    allowDeselect={false}
                    readOnly={readOnly}
                    style={{ flex: 1 }}
                  />
                  <NumberInput
                    label={t('sites.headcount')}
                    {...hint('headcount')}
                    value={site.headcount ?? ''}
                    min={0}
                    clampBehavior="none"
                    allowDecimal={false}
                    error={site.headcount !== null && site.headcount < 0 ? t('sites.headcountNegative') : null}
                    onChange={(value) => change(site.id, 'headcount', typeof value === 'number' ? value : null)}
                    onBlur={() => void flush()}
                    readOnly={readOnly}
                    w={120}
                  />
                  {/* Level with the inputs (below a label's line, centred on an input), the same width on every site. */}
                  <Switch
                    label={t('sites.inScope')}
                    description={authors.changed(site.id, 'in_scope')}
                    checked={site.in_scope === 1}
                    onChange={(e) => (change(site.id, 'in_scope', e.currentTarget.checked ? 1 : 0), void flush().then(() => onSitesChanged?.()))}
                    disabled={readOnly}
                    mt={besideInput(16)}
                    w={190}
                  />
                  {readOnly ? null : (
                    <Box mt={besideInput(28)}>
                      <DeleteRowButton label={t('sites.delete', { name: site.name })} onDelete={() => void remove(site)} />
                    </Box>
                  )}
                </Group>
                <SimpleGrid cols={2}>
                  <TextInput label={t('sites.address')} {...hint('address')} value={site.address} onChange={(e) => change(site.id, 'address', e.currentTarget.value)} onBlur={() => void flush()} readOnly={readOnly} />
                  <TextInput label={t('sites.country')} {...hint('country')} value={site.country} onChange={(e) => change(site.id, 'country', e.currentTarget.value)} onBlur={() => void flush()} readOnly={readOnly} />
                </SimpleGrid>
                <Textarea
                  label={t('sites.activities')}
                  {...hint('activities')}
                  value={site.activities}
                  autosize
                  minRows={1}
                  maxRows={6}
                  onChange={(e) => change(site.id, 'activities', e.currentTarget.value)}
                  onBlur={() => void flush()}
                  readOnly={readOnly}
                />
                {addedBy ? (
                  <Text size="xs" c="dimmed" data-testid="site-added-by">
                    {addedBy}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          );
        })}
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
