import { Alert, Badge, Group, List, NumberInput, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { exportReadingSchema } from '../../../../shared/contract/sampling-channels.ts';
import type { BadRowView, ExportPreviewView } from '../../../../shared/contract/sampling-views.ts';
import { COLUMN_ROLES, type ColumnRole } from '../../../../shared/sampling/sampling-kinds.ts';
import { formatBytes, formatNumber } from '../../components/format.ts';
import type { ColumnChoice } from './import-mapping.ts';

export type ExportReading = z.infer<typeof exportReadingSchema>;

const DELIMITERS = [',', ';', '\t', '|'] as const;
const DELIMITER_KEY: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
/** The first problems shown in the preview (the import lists every skipped row, up to 200). */
const PROBLEMS_SHOWN = 20;

/** A bad row as the auditor reads it: its line and why. */
export function BadRowLine({ row }: { row: BadRowView }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" span>
      {t('sampling.badRow.line', { line: formatNumber(row.line) })} {t(`sampling.badRow.${row.code}`, { ...row.params, defaultValue: row.code })}
    </Text>
  );
}

/** How the export is read (encoding, delimiter, sheet, header row): detected by `sampling:sniff`, each changeable. */
export function ReadingControls({ preview, busy, onReading }: { preview: ExportPreviewView; busy: boolean; onReading: (change: ExportReading) => void }) {
  const { t } = useTranslation();
  const encodings = [...new Set([preview.encoding, ...preview.encodingCandidates])];
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="wizard-file-facts">
        {t('sampling.wizard.fileFacts', { name: preview.fileName, size: formatBytes(preview.size), rows: formatNumber(preview.estimatedRows) })}
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('sampling.wizard.encoding')}
          description={t('sampling.wizard.encodingDetected', { encoding: preview.encoding })}
          data={encodings}
          value={preview.encoding}
          onChange={(value) => value && value !== preview.encoding && onReading({ encoding: value })}
          allowDeselect={false}
          disabled={busy}
          w={220}
          data-testid="wizard-encoding"
        />
        {preview.format === 'csv' ? (
          <Select
            label={t('sampling.wizard.delimiter')}
            data={DELIMITERS.map((value) => ({ value, label: t(`sampling.wizard.delimiters.${DELIMITER_KEY[value]!}`) }))}
            value={preview.delimiter}
            onChange={(value) => value && value !== preview.delimiter && onReading({ delimiter: value as (typeof DELIMITERS)[number] })}
            allowDeselect={false}
            disabled={busy}
            w={180}
            data-testid="wizard-delimiter"
          />
        ) : (
          <Select
            label={t('sampling.wizard.sheet')}
            data={[...preview.sheets]}
            value={preview.sheet}
            onChange={(value) => value && value !== preview.sheet && onReading({ sheet: value })}
            allowDeselect={false}
            disabled={busy}
            w={220}
            renderOption={({ option }) => <span translate="no">{option.label}</span>}
            data-testid="wizard-sheet"
          />
        )}
        <NumberInput
          label={t('sampling.wizard.headerRow')}
          value={preview.headerRow}
          min={1}
          max={1000}
          onBlur={(event) => {
            const row = Number(event.currentTarget.value);
            if (Number.isInteger(row) && row >= 1 && row <= 1000 && row !== preview.headerRow) onReading({ headerRow: row });
          }}
          disabled={busy}
          w={140}
          data-testid="wizard-header-row"
        />
      </Group>
      {preview.encodingConflict ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="wizard-bom-conflict">
          <Text size="sm">{t('sampling.wizard.bomConflict', { bom: preview.bom ?? '', encoding: preview.encoding })}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The first rows of the export with a role chosen per column; a column "Not kept" is shown struck out. */
export function MappingTable({ preview, mapping, onRole }: { preview: ExportPreviewView; mapping: readonly ColumnChoice[]; onRole: (index: number, role: ColumnRole) => void }) {
  const { t } = useTranslation();
  const roles = COLUMN_ROLES.map((role) => ({ value: role, label: t(`sampling.role.${role}`) }));
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid="wizard-preview-table">
      <Table withTableBorder withColumnBorders striped fz="xs" style={{ minWidth: mapping.length * 150 }}>
        <Table.Thead>
          <Table.Tr>
            {mapping.map((column) => (
              <Table.Th key={column.index} style={{ minWidth: 150, verticalAlign: 'top' }}>
                <Stack gap={4}>
                  <Text size="xs" fw={600} translate="no" td={column.role === 'drop' ? 'line-through' : undefined}>
                    {column.name}
                  </Text>
                  <Select
                    size="xs"
                    aria-label={t('sampling.wizard.roleOf', { column: column.name })}
                    data={roles}
                    value={column.role}
                    onChange={(value) => value && onRole(column.index, value as ColumnRole)}
                    allowDeselect={false}
                    data-testid="wizard-role"
                    data-column={column.index}
                  />
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody translate="no">
          {preview.previewRows.map((row, r) => (
            <Table.Tr key={r}>
              {mapping.map((column) => (
                <Table.Td key={column.index} c={column.role === 'drop' ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {row[column.index] ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** The problems the preview found, by line. */
export function PreviewProblems({ problems }: { problems: readonly BadRowView[] }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <Alert color="orange" variant="light" p="xs" title={t('sampling.wizard.problems', { count: problems.length })} data-testid="wizard-problems">
      <List size="xs" spacing={2}>
        {problems.slice(0, PROBLEMS_SHOWN).map((row, i) => (
          <List.Item key={i}>
            <BadRowLine row={row} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function PresetBadge({ preset }: { preset: string | null }) {
  const { t } = useTranslation();
  return preset ? (
    <Badge variant="light" color="blue" data-testid="wizard-preset">
      {t('sampling.wizard.preset', { preset })}
    </Badge>
  ) : (
    <Badge variant="light" color="gray" data-testid="wizard-preset">
      {t('sampling.wizard.noPreset')}
    </Badge>
  );
}
