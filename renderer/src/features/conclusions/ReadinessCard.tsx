import { Alert, Badge, Card, Group, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClockHour4, IconHelpCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import type { EngagementProfileView } from '../../../../shared/contract/profile-views.ts';
import { READINESS_AREAS, READINESS_STATUSES, type ReadinessArea, type ReadinessStatus } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import type { ReadinessVerdict, RuleCheck } from '../../../../shared/fieldwork/readiness-rules.ts';
import { formatDay } from '../../components/format.ts';
import { intlLocale } from '../../i18n/locale.ts';
import type { EngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { saveNaturalRow } from './natural-rows.ts';

const STATUS_COLOURS: Record<ReadinessStatus, string> = { not_assessed: 'gray', ready: 'teal', ready_with_concerns: 'orange', not_ready: 'red' };
const VERDICT_COLOURS = { ready: 'teal', ready_from: 'teal', not_ready: 'red', open: 'yellow' } as const;

/**
 * Readiness for stage 2 per area, with the CB profile's stage 1 rules checked beside the areas they
 * concern, and the overall verdict at the top.
 */
export function ReadinessCard({
  rows,
  checks,
  verdict,
  profile,
  asOf,
  form,
  onError,
}: {
  rows: readonly FieldworkRow<'readiness'>[];
  checks: readonly RuleCheck[];
  verdict: ReadinessVerdict;
  profile: EngagementProfileView | null;
  asOf: string;
  form: EngagementForm;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const readOnly = form.readOnly;
  const byArea = new Map(rows.map((row) => [row.area, row]));
  return (
    <Card withBorder padding="lg" data-testid="readiness">
      <Title order={5}>{t('conclusions.stage1.readiness.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('conclusions.stage1.readiness.intro')}{' '}
        {profile
          ? profile.profile.stage1Readiness
            ? t('conclusions.stage1.readiness.rules.intro', { profile: profile.title })
            : t('conclusions.stage1.readiness.rules.none')
          : t('conclusions.stage1.readiness.rules.noProfile')}
      </Text>
      <VerdictNotice verdict={verdict} />
      <Stack gap="sm" mt="md">
        {READINESS_AREAS.map((area) => (
          <AreaRow
            key={area}
            area={area}
            row={byArea.get(area)}
            checks={checks.filter((check) => check.area === area)}
            asOf={asOf}
            readOnly={readOnly}
            onError={onError}
            since={
              area === 'operating_period' ? (
                <TextInput
                  type="date"
                  size="sm"
                  mb={6}
                  maw={220}
                  label={t('conclusions.stage1.readiness.operatingSince')}
                  value={form.values.sms_operating_since ?? ''}
                  onChange={(event) => form.choose('sms_operating_since', event.currentTarget.value || null)}
                  readOnly={readOnly}
                  data-testid="sms-operating-since"
                />
              ) : null
            }
          />
        ))}
      </Stack>
    </Card>
  );
}

/** The overall verdict, and what keeps it from "ready". */
export function VerdictNotice({ verdict }: { verdict: ReadinessVerdict }) {
  const { t } = useTranslation();
  const list = new Intl.ListFormat(intlLocale(), { type: 'conjunction' });
  const areas = (items: readonly ReadinessArea[]) => list.format(items.map((area) => t(`conclusions.stage1.readiness.areas.${area}`)));
  const rules = (items: readonly RuleCheck['rule'][]) => list.format(items.map((rule) => t(`conclusions.stage1.readiness.rules.names.${rule}`)));
  const detail = [
    verdict.notReady.length ? t('conclusions.stage1.readiness.detail.notReady', { areas: areas(verdict.notReady) }) : null,
    verdict.failing.length ? t('conclusions.stage1.readiness.detail.failing', { rules: rules(verdict.failing) }) : null,
    verdict.notAssessed.length ? t('conclusions.stage1.readiness.detail.notAssessed', { areas: areas(verdict.notAssessed) }) : null,
    verdict.unconfirmed.length ? t('conclusions.stage1.readiness.detail.unconfirmed', { rules: rules(verdict.unconfirmed) }) : null,
    verdict.concerns.length ? t('conclusions.stage1.readiness.detail.concerns', { areas: areas(verdict.concerns) }) : null,
  ].filter((line): line is string => line !== null);
  const title = verdict.verdict === 'ready_from' ? t('conclusions.stage1.readiness.verdict.ready_from', { date: formatDay(verdict.from ?? '') }) : t(`conclusions.stage1.readiness.verdict.${verdict.verdict}`);
  return (
    <Alert color={VERDICT_COLOURS[verdict.verdict]} variant="light" title={title} data-testid="readiness-verdict" data-verdict={verdict.verdict}>
      {detail.length ? detail.map((line) => <div key={line}>{line}</div>) : t('conclusions.stage1.readiness.detail.allClear')}
    </Alert>
  );
}

function AreaRow({
  area,
  row,
  checks,
  asOf,
  readOnly,
  onError,
  since,
}: {
  since: ReactNode;
  area: ReadinessArea;
  row: FieldworkRow<'readiness'> | undefined;
  checks: readonly RuleCheck[];
  asOf: string;
  readOnly: boolean;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReadinessStatus>(row?.status ?? 'not_assessed');
  const [note, setNote] = useState(row?.note ?? '');
  const label = t(`conclusions.stage1.readiness.areas.${area}`);
  const save = (patch: { status?: ReadinessStatus; note?: string }) => {
    if (patch.status !== undefined) setStatus(patch.status);
    if (patch.note !== undefined) setNote(patch.note);
    if (!readOnly) saveNaturalRow('readiness', { area }, patch).catch(onError);
  };
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="readiness-area" data-area={area} data-status={status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <div>
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`conclusions.stage1.readiness.hints.${area}`)}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          aria-label={t('conclusions.stage1.readiness.statusLabel', { area: label })}
          value={status}
          color={STATUS_COLOURS[status]}
          onChange={(value) => save({ status: value as ReadinessStatus })}
          readOnly={readOnly}
          data={[...READINESS_STATUSES.slice(1), READINESS_STATUSES[0]].map((value) => ({ value, label: t(`conclusions.stage1.readiness.status.${value}`) }))}
          style={{ flexShrink: 0 }}
        />
      </Group>
      {since}
      <Textarea
        size="sm"
        aria-label={t('conclusions.stage1.readiness.note', { area: label })}
        placeholder={area === 'operating_period' ? t('conclusions.stage1.readiness.operatingPlaceholder') : t('conclusions.stage1.readiness.notePlaceholder')}
        value={note}
        onChange={(event) => save({ note: event.currentTarget.value })}
        autosize
        minRows={1}
        maxRows={8}
        readOnly={readOnly}
      />
      {checks.map((check) => (
        <RuleNotice key={check.rule} check={check} asOf={asOf} />
      ))}
    </Card>
  );
}

const RULE_LOOK = {
  holds: { color: 'teal', icon: <IconCheck size={16} /> },
  holds_from: { color: 'orange', icon: <IconClockHour4 size={16} /> },
  fails: { color: 'red', icon: <IconAlertTriangle size={16} /> },
  unconfirmed: { color: 'yellow', icon: <IconHelpCircle size={16} /> },
} as const;

/** A CB rule beside its area: what it requires and how it stands. */
function RuleNotice({ check, asOf }: { check: RuleCheck; asOf: string }) {
  const { t } = useTranslation();
  let text: string;
  if (check.rule === 'minimum_months') {
    const months = check.months!;
    const params = {
      required: months.required,
      since: months.since ? formatDay(months.since) : '',
      operated: months.operated ?? 0,
      asOf: formatDay(asOf),
      earliest: months.earliest ? formatDay(months.earliest) : '',
    };
    text =
      check.state === 'holds'
        ? t('conclusions.stage1.readiness.rules.minimum_months.holds', params)
        : check.state === 'holds_from'
          ? t('conclusions.stage1.readiness.rules.minimum_months.holds_from', params)
          : t('conclusions.stage1.readiness.rules.minimum_months.unconfirmed', params);
  } else {
    const state = check.state === 'holds_from' ? 'holds' : check.state;
    text = t(`conclusions.stage1.readiness.rules.${check.rule}.${state}`);
  }
  const look = RULE_LOOK[check.state];
  return (
    <Alert mt={6} py={6} color={look.color} variant="light" icon={look.icon} data-testid="readiness-rule" data-rule={check.rule} data-state={check.state}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" style={{ flex: 1 }}>
          {text}
        </Text>
        {check.state === 'unconfirmed' ? (
          <Badge size="xs" color="yellow" variant="filled" style={{ flexShrink: 0 }}>
            {t('conclusions.stage1.readiness.needsConfirmation')}
          </Badge>
        ) : null}
      </Group>
    </Alert>
  );
}
