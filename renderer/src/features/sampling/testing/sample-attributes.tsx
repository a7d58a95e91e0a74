import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleAttributeRowView } from '../../../../../shared/contract/sampling-views.ts';
import { DeleteRowButton } from '../../../components/DeleteRowButton.tsx';
import { showUndo } from '../../../components/undo.tsx';
import { useSampling } from '../../../state/sampling.ts';
import { useSaveStore } from '../../../state/save-store.ts';

/** A sample's own attribute (not from the pack): its id says so, its text is its label. */
export const CUSTOM_PREFIX = 'custom-';
export const isCustom = (attribute: string): boolean => attribute.startsWith(CUSTOM_PREFIX);

/**
 * The test attributes of a sample, in the grid's column order: the pack's (its text, from the
 * record kind the sample tests) and the auditor's own (a label, renamed in place). Added, removed
 * (undo), moved up and down; a removed attribute's results stay on the records, out of the grid.
 */
export function SampleAttributes({
  sampleId,
  attributes,
  textOf,
  readOnly,
  onError,
}: {
  sampleId: string;
  attributes: readonly SampleAttributeRowView[];
  textOf: (attribute: SampleAttributeRowView) => string;
  readOnly: boolean;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const store = useSampling;

  async function add() {
    const label = draft.trim();
    if (!label) return;
    try {
      const position = attributes.reduce((max, row) => Math.max(max, row.position), 0) + 1;
      await store.getState().create('sample_attribute', { sample_id: sampleId, attribute: `${CUSTOM_PREFIX}${crypto.randomUUID()}`, label, position });
      setDraft('');
    } catch (error) {
      onError(error);
    }
  }

  async function remove(row: SampleAttributeRowView) {
    try {
      await store.getState().remove('sample_attribute', row.id);
      showUndo(t, t('sampleTesting.attributes.removed', { text: textOf(row) }), () => store.getState().restore('sample_attribute', row.id).catch(onError));
    } catch (error) {
      onError(error);
    }
  }

  /** Swaps two neighbours' positions (equal positions get distinct ones first). */
  function move(index: number, by: -1 | 1) {
    const other = attributes[index + by];
    const row = attributes[index];
    if (!other || !row) return;
    const a = row.position === other.position ? index + 1 : row.position;
    const b = row.position === other.position ? index + 1 + by : other.position;
    store.getState().edit('sample_attribute', row.id, { position: b });
    store.getState().edit('sample_attribute', other.id, { position: a });
    void useSaveStore.getState().flush();
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="sample-attributes">
      <Stack gap="xs">
        <div>
          <Title order={5}>{t('sampleTesting.attributes.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('sampleTesting.attributes.intro')}
          </Text>
        </div>
        {attributes.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="sample-attributes-empty">
            {t('sampleTesting.attributes.empty')}
          </Text>
        ) : (
          <Stack gap={4}>
            {attributes.map((row, index) => (
              <Group key={row.id} gap="xs" wrap="nowrap" data-testid="sample-attribute" data-attribute={row.attribute}>
                <Text size="sm" fw={700} w={22} ta="right">
                  {index + 1}
                </Text>
                {isCustom(row.attribute) ? (
                  <CustomLabel row={row} readOnly={readOnly} />
                ) : (
                  <Text size="sm" style={{ flex: 1 }} translate="no">
                    {textOf(row)}
                  </Text>
                )}
                <Badge size="xs" variant="light" color={isCustom(row.attribute) ? 'grape' : 'gray'}>
                  {t(isCustom(row.attribute) ? 'sampleTesting.attributes.custom' : 'sampleTesting.attributes.pack')}
                </Badge>
                {readOnly ? null : (
                  <>
                    <Tooltip label={t('sampleTesting.attributes.up')}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('sampleTesting.attributes.up')} disabled={index === 0} onClick={() => move(index, -1)}>
                        <IconArrowUp size={14} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('sampleTesting.attributes.down')}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('sampleTesting.attributes.down')} disabled={index === attributes.length - 1} onClick={() => move(index, 1)}>
                        <IconArrowDown size={14} />
                      </ActionIcon>
                    </Tooltip>
                    <DeleteRowButton size={14} label={t('sampleTesting.attributes.remove')} onDelete={() => void remove(row)} />
                  </>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {readOnly ? null : (
          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              size="sm"
              aria-label={t('sampleTesting.attributes.new')}
              placeholder={t('sampleTesting.attributes.newPlaceholder')}
              value={draft}
              maxLength={500}
              onChange={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.nativeEvent.isComposing) void add();
              }}
              data-testid="sample-attribute-new"
            />
            <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => void add()} disabled={!draft.trim()} data-testid="sample-attribute-add">
              {t('sampleTesting.attributes.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A custom attribute's label, renamed in place (saved with the autosave; an emptied label is not saved). */
function CustomLabel({ row, readOnly }: { row: SampleAttributeRowView; readOnly: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(row.label);
  useEffect(() => setValue(row.label), [row.label]);
  return (
    <TextInput
      style={{ flex: 1 }}
      size="xs"
      aria-label={t('sampleTesting.attributes.rename')}
      value={value}
      maxLength={500}
      readOnly={readOnly}
      error={value.trim() ? null : t('sampleTesting.attributes.labelRequired')}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setValue(next);
        if (next.trim()) useSampling.getState().edit('sample_attribute', row.id, { label: next });
      }}
      onBlur={() => void useSaveStore.getState().flush()}
      data-testid="sample-attribute-label"
    />
  );
}
