import { Button, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import { packSurveillanceClauses } from '../../../../shared/plan/plan-check-input.ts';
import { surveillanceSelection } from '../../../../shared/plan/plan-coverage.ts';
import { useEngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import type { Plan } from './use-plan.ts';

/**
 * What this surveillance audit must cover: the checklist's selection (the items every surveillance
 * covers) until the lead edits it for the programme's rotation; "Back to the checklist's" clears it.
 */
export function SurveillanceSelection({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const form = useEngagementForm();
  const { pack } = plan;
  if (!pack || !['surveillance1', 'surveillance2'].includes(plan.engagement.audit_type)) return null;
  const packClauses = packSurveillanceClauses(pack);
  const value = surveillanceSelection(form.values.surveillance_clauses, packClauses);
  const title = pack.selections?.[0] ? textIn(pack.selections[0].title, i18n.language, pack.defaultLanguage) : '';
  const data = pack.clauses
    .filter((clause) => clause.number.split('.').length <= 3)
    .map((clause) => ({ value: clause.number, label: `${clause.number} ${textIn(clause.title, i18n.language, pack.defaultLanguage)}` }));
  return (
    <Stack gap={4} data-testid="surveillance-selection">
      <MultiSelect
        label={t('plan.surveillance')}
        description={form.authorHint('surveillance_clauses') ?? t('plan.surveillanceHint', { pack: title })}
        data={data}
        value={value}
        onChange={(next) => form.choose('surveillance_clauses', next.join('; '))}
        searchable
        readOnly={form.readOnly}
        maxDropdownHeight={300}
      />
      {form.values.surveillance_clauses && !form.readOnly ? (
        <Button size="compact-xs" variant="subtle" onClick={() => form.choose('surveillance_clauses', '')} style={{ alignSelf: 'flex-start' }}>
          {t('plan.surveillanceReset')}
        </Button>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('plan.surveillanceCount', { count: value.length })}
      </Text>
    </Stack>
  );
}
