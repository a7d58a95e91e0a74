import { Alert, Box, Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATED_ELEMENTS, OTHER_PARTY_KINDS, type OtherPartyKind } from '../../../../shared/engagement.ts';
import type { OTHER_PARTY_TABLE } from '../../../../shared/tables/preparation-tables.ts';
import type { RowOf } from '../../../../shared/tables/table.ts';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { withStoredValue } from '../../components/options.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useRowAuthors } from '../team/use-row-authors.ts';
import { allServicesOperatedByOthers } from './other-parties-rule.ts';
import { deleteRowWithUndo } from '../../state/row-actions.ts';

type OtherParty = RowOf<typeof OTHER_PARTY_TABLE>;
type Editable = 'name' | 'kind' | 'operates_element' | 'operates' | 'service_id' | 'control';

const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];
/** The width of the type and service choices, one above the other. */
const SIDE_WIDTH = 280;
/** The top margin that centres a control `height` px tall on an sm input below its label (the kit's sizes). */
const besideInput = (height: number) => `calc(var(--mantine-font-size-sm) * var(--mantine-line-height) + (2.25rem * var(--mantine-scale) - ${height}px) / 2)`;

/**
 * Other parties (ISO/IEC 20000-1 8.2.3 / 8.3.4): external suppliers, internal suppliers and
 * customers acting as suppliers, what each operates for the organization and how the organization
 * keeps accountability and control. Each field saves itself; a delete can be undone from its toast.
 * Warns when the register says every service in scope is operated by others (8.2.3 forbids it).
 */
export function OtherPartiesCard({ handle, readOnly, services }: { handle: string; readOnly: boolean; services: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [parties, setParties] = useState<OtherParty[] | null>(null);
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [newName, setNewName] = useState('');
  const [newKind, setNewKind] = useState<OtherPartyKind>('external_supplier');
  // Who added each party and who changed which field since: again after every add, delete or undo.
  const authors = useRowAuthors(handle, 'other_party', loads);

  const kinds = OTHER_PARTY_KINDS.map((value) => ({ value, label: t(`otherPartyKind.${value}`) }));
  const elements = OPERATED_ELEMENTS.map((value) => ({ value, label: t(`operatedElement.${value}`) }));
  const serviceOptions = services.map((service) => ({ value: service.id, label: service.name }));

  const load = useCallback(() => {
    invoke('rows:list', { engagementHandle: handle, table: 'other_party' }).then((rows) => {
      setParties(rows as unknown as OtherParty[]);
      setLoads((n) => n + 1);
    }, setError);
  }, [handle]);
  useEffect(load, [load]);

  const change = <F extends Editable>(id: string, field: F, value: OtherParty[F]) => {
    setParties((list) => list?.map((party) => (party.id === id ? { ...party, [field]: value } : party)) ?? null);
    authors.edited(id, field);
    // A party needs a name: kept on screen, not saved, until it has one.
    if (field === 'name' && typeof value === 'string' && !value.trim()) return;
    queueRow(handle, 'other_party', id, { [field]: value });
  };
  const choose = <F extends Editable>(id: string, field: F, value: OtherParty[F]) => {
    change(id, field, value);
    void flush();
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!newName.trim()) return;
    setError(null);
    try {
      await flush();
      await invoke('rows:create', {
        engagementHandle: handle,
        table: 'other_party',
        values: { name: newName.trim(), kind: newKind, operates_element: 'service' },
      });
      setNewName('');
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  const remove = (party: OtherParty) => {
    setError(null);
    return deleteRowWithUndo(handle, 'other_party', party.id, t('otherParties.deleted', { name: party.name }), t, { reload: load, onError: setError });
  };

  const allOperated = parties !== null && allServicesOperatedByOthers(services, parties);

  return (
    <Card withBorder padding="lg" data-testid="other-parties">
      <Title order={5} mb={4}>
        {t('otherParties.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('otherParties.intro')}
      </Text>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <Stack gap="md">
        {allOperated ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('otherParties.allOperatedTitle')} data-testid="all-operated-by-others">
            {t('otherParties.allOperated')}
          </Alert>
        ) : null}
        {parties && parties.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="other-parties-empty">
            {t('otherParties.empty')}
          </Text>
        ) : null}
        {parties?.map((party) => {
          // Under the input, so the inputs of a line stay level whichever field has a hint.
          const hint = (field: Editable) => ({ description: authors.changed(party.id, field), inputWrapperOrder: HINT_BELOW });
          const addedBy = authors.added(party.id);
          // A service deleted since it was chosen stays named as such, never an empty field.
          const serviceChoices =
            party.service_id && !serviceOptions.some((option) => option.value === party.service_id)
              ? [...serviceOptions, { value: party.service_id, label: t('otherParties.serviceGone') }]
              : serviceOptions;
          return (
            <Card key={party.id} withBorder radius="sm" padding="sm" bg="gray.0" data-testid="other-party">
              {/* The delete button in a column of its own, so the fields' right edges line up on every line. */}
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                  <Group align="flex-start" wrap="nowrap">
                    <TextInput
                      label={t('otherParties.name')}
                      {...hint('name')}
                      value={party.name}
                      onChange={(e) => change(party.id, 'name', e.currentTarget.value)}
                      onBlur={() => void flush()}
                      error={party.name.trim() ? null : t('create.required')}
                      readOnly={readOnly}
                      style={{ flex: 1 }}
                    />
                    <Select
                      label={t('otherParties.kind')}
                      {...hint('kind')}
                      data={withStoredValue(kinds, party.kind)}
                      value={party.kind}
                      onChange={(value) => value && choose(party.id, 'kind', value as OtherPartyKind)}
                      allowDeselect={false}
                      readOnly={readOnly}
                      w={SIDE_WIDTH}
                    />
                  </Group>
                  <Group align="flex-start" wrap="nowrap">
                    <Select
                      label={t('otherParties.operatesElement')}
                      {...hint('operates_element')}
                      data={withStoredValue(elements, party.operates_element)}
                      value={party.operates_element}
                      onChange={(value) => value && choose(party.id, 'operates_element', value as OtherParty['operates_element'])}
                      allowDeselect={false}
                      readOnly={readOnly}
                      w={200}
                    />
                    <TextInput
                      label={t('otherParties.operates')}
                      {...hint('operates')}
                      placeholder={t('otherParties.operatesPlaceholder')}
                      value={party.operates}
                      onChange={(e) => change(party.id, 'operates', e.currentTarget.value)}
                      onBlur={() => void flush()}
                      readOnly={readOnly}
                      style={{ flex: 1 }}
                    />
                    <Select
                      label={t('otherParties.service')}
                      {...hint('service_id')}
                      placeholder={serviceChoices.length ? t('otherParties.serviceNone') : t('otherParties.serviceNoneYet')}
                      data={serviceChoices}
                      value={party.service_id}
                      onChange={(value) => choose(party.id, 'service_id', value)}
                      clearable={!readOnly}
                      disabled={!readOnly && serviceChoices.length === 0}
                      readOnly={readOnly}
                      w={SIDE_WIDTH}
                    />
                  </Group>
                  <Textarea
                    label={t('otherParties.control')}
                    {...hint('control')}
                    placeholder={t('otherParties.controlPlaceholder')}
                    value={party.control}
                    autosize
                    minRows={2}
                    maxRows={8}
                    onChange={(e) => change(party.id, 'control', e.currentTarget.value)}
                    onBlur={() => void flush()}
                    readOnly={readOnly}
                  />
                  {addedBy ? (
                    <Text size="xs" c="dimmed" data-testid="other-party-added-by">
                      {addedBy}
                    </Text>
                  ) : null}
                </Stack>
                {readOnly ? null : (
                  <Box mt={besideInput(28)}>
                    <DeleteRowButton label={t('otherParties.delete', { name: party.name })} onDelete={() => void remove(party)} />
                  </Box>
                )}
              </Group>
            </Card>
          );
        })}
        {readOnly ? null : (
          <form onSubmit={(event) => void add(event)} aria-label={t('otherParties.add')}>
            <Group align="flex-end">
              <TextInput
                label={t('otherParties.newName')}
                placeholder={t('otherParties.newNamePlaceholder')}
                value={newName}
                onChange={(e) => setNewName(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Select
                label={t('otherParties.kind')}
                data={kinds}
                value={newKind}
                onChange={(value) => value && setNewKind(value as OtherPartyKind)}
                allowDeselect={false}
                w={SIDE_WIDTH}
              />
              <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} disabled={!newName.trim()}>
                {t('otherParties.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}
