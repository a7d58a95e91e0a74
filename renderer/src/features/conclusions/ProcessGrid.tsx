import { SegmentedControl, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EFFECTIVENESS_RATINGS, GRID_POINTS, type EffectivenessRating } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { gridFields, type ConclusionValues } from './topic-types.ts';

const RATING_COLOURS: Record<EffectivenessRating, string> = { not_assessed: 'gray', effective: 'teal', partly_effective: 'orange', not_effective: 'red' };

/**
 * The five-point process-control grid (reference: "Process control: the five points"), shown when
 * the engagement's CB profile turns it on: each point rated effective / partly effective / not
 * effective / not assessed, with a note.
 */
export function ProcessGrid({ values, readOnly, onChange }: { values: ConclusionValues; readOnly: boolean; onChange: (patch: Partial<ConclusionValues>) => void }) {
  const { t } = useTranslation();
  const rated = GRID_POINTS.filter((point) => values[gridFields(point).rating] !== 'not_assessed').length;
  return (
    <div data-testid="process-grid">
      <Title order={5}>{t('conclusions.grid.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('conclusions.grid.intro')} {t('conclusions.grid.ratedCount', { rated })}
      </Text>
      <Table verticalSpacing={6} horizontalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="36%">{t('conclusions.grid.point')}</Table.Th>
            <Table.Th>
              {t('conclusions.grid.rating')} · {t('conclusions.grid.note')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {GRID_POINTS.map((point) => {
            const { rating, note } = gridFields(point);
            const label = t(`conclusions.grid.points.${point}`);
            return (
              <Table.Tr key={point} data-testid="grid-point" data-point={point} data-rating={values[rating]}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`conclusions.grid.hints.${point}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    fullWidth
                    aria-label={label}
                    value={values[rating]}
                    color={RATING_COLOURS[values[rating]]}
                    onChange={(value) => onChange({ [rating]: value as EffectivenessRating })}
                    readOnly={readOnly}
                    data={[...EFFECTIVENESS_RATINGS.slice(1), EFFECTIVENESS_RATINGS[0]].map((value) => ({ value, label: t(`conclusions.grid.ratings.${value}`) }))}
                  />
                  <TextInput
                    mt={6}
                    size="xs"
                    aria-label={t('common.labelled', { label, value: t('conclusions.grid.note') })}
                    placeholder={t('conclusions.grid.notePlaceholder')}
                    value={values[note]}
                    onChange={(event) => onChange({ [note]: event.currentTarget.value })}
                    readOnly={readOnly}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
