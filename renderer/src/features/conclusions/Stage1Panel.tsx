import { Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import type { EngagementProfileView } from '../../../../shared/contract/profile-views.ts';
import { checkReadinessRules, readinessVerdict, stage2OpenPoints, type OpenPoint } from '../../../../shared/fieldwork/readiness-rules.ts';
import { showUndo } from '../../components/undo.tsx';
import { intlLocale } from '../../i18n/locale.ts';
import type { EngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { DocumentReviewCard } from './DocumentReviewCard.tsx';
import { ReadinessCard } from './ReadinessCard.tsx';

/**
 * Stage 1's conclusions: the document review log, readiness for stage 2 per area with the CB's rules
 * and the verdict, and what the stage 2 plan must cover (the engagement's stage2_focus, autosaved).
 */
export function Stage1Panel({
  records,
  profile,
  form,
  onError,
}: {
  records: FieldworkRecordsView;
  profile: EngagementProfileView | null;
  form: EngagementForm;
  onError: (error: unknown) => void;
}) {
  // Rules are checked as of the last day of this stage 1: stage 2 comes after it.
  const asOf = form.values.end_date;
  const since = form.values.sms_operating_since;
  const checks = useMemo(() => checkReadinessRules(profile?.profile.stage1Readiness, records.readiness, asOf, since), [profile, records.readiness, asOf, since]);
  const verdict = useMemo(() => readinessVerdict(records.readiness, checks), [records.readiness, checks]);
  return (
    <Stack gap="lg" maw={1200}>
      <DocumentReviewCard reviews={records.document_review} readOnly={form.readOnly} onError={onError} />
      <ReadinessCard rows={records.readiness} checks={checks} verdict={verdict} profile={profile} asOf={asOf} form={form} onError={onError} />
      <FocusCard points={stage2OpenPoints(records.document_review, records.readiness)} form={form} />
    </Stack>
  );
}

/** What the stage 2 plan must cover: free text, and the open points of stage 1 added below it on request. */
function FocusCard({ points, form }: { points: readonly OpenPoint[]; form: EngagementForm }) {
  const { t } = useTranslation();
  const line = (point: OpenPoint): string => {
    const sep = t('conclusions.stage1.focus.pointSeparator');
    return point.kind === 'document'
      ? `- ${t('conclusions.stage1.focus.pointDocument', { document: point.document, comment: point.comment ? sep + point.comment : '' })}`
      : `- ${t('conclusions.stage1.focus.pointArea', {
          area: t(`conclusions.stage1.readiness.areas.${point.area}`),
          status: t(`conclusions.stage1.readiness.status.${point.status}`).toLocaleLowerCase(intlLocale()),
          note: point.note ? sep + point.note : '',
        })}`;
  };
  const before = form.values.stage2_focus;
  const fresh = points.map(line).filter((candidate) => !before.includes(candidate));
  const addPoints = () => {
    const text = before.trim() ? `${before.trimEnd()}\n${fresh.join('\n')}` : fresh.join('\n');
    form.choose('stage2_focus', text);
    showUndo(t, t('conclusions.stage1.focus.added', { count: fresh.length }), async () => form.choose('stage2_focus', before));
  };
  return (
    <Card withBorder padding="lg" data-testid="stage2-focus">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={5}>{t('conclusions.stage1.focus.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('conclusions.stage1.focus.intro')}
          </Text>
        </div>
        {form.readOnly ? null : (
          <Tooltip label={fresh.length ? t('conclusions.stage1.focus.addPointsHint') : t('conclusions.stage1.focus.noPoints')} multiline w={280}>
            <Button variant="light" leftSection={<IconListCheck size={16} />} onClick={addPoints} disabled={!fresh.length} data-testid="add-open-points">
              {t('conclusions.stage1.focus.addPoints')}
            </Button>
          </Tooltip>
        )}
      </Group>
      {form.text('stage2_focus', t('conclusions.stage1.focus.label'), { rows: 6, placeholder: t('conclusions.stage1.focus.placeholder') })}
    </Card>
  );
}
