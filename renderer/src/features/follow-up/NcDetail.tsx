import { Alert, Badge, Button, Divider, Grid, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpView, NcFollowUpView } from '../../../../shared/contract/follow-up-views.ts';
import { requiredFields, type CaFields } from '../../../../shared/findings/corrective-action.ts';
import { VERIFICATION_METHODS, type CaState, type VerificationMethod, type VerificationResult } from '../../../../shared/findings/finding-kinds.ts';
import { formatDay, formatInstant, formatNumber } from '../../components/format.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { localized, overLimit, TEXT_LIMITS } from './labels.ts';
import { STATE_COLOURS } from './NcList.tsx';

/** The response and verification as typed: text fields autosave through the row path once the row exists. */
interface FormValues {
  correction: string;
  root_cause: string;
  action: string;
  owner: string;
  correction_due: string;
  action_due: string;
  response_on: string;
  implemented_on: string;
  verification_method: VerificationMethod;
  verification_evidence: string;
  verified_on: string;
  verifier_id: string;
  effectiveness: VerificationResult;
  closed_on: string;
}

const DATE_FIELDS = ['correction_due', 'action_due', 'response_on', 'implemented_on', 'verified_on', 'closed_on'] as const;
type DateField = (typeof DATE_FIELDS)[number];

function valuesOf(item: NcFollowUpView, today: string, typingMember: string | null): FormValues {
  const row = item.action;
  return {
    correction: row?.correction ?? '',
    root_cause: row?.root_cause ?? '',
    action: row?.action ?? '',
    owner: row?.owner ?? '',
    correction_due: row?.correction_due ?? '',
    action_due: row?.action_due ?? '',
    response_on: row?.response_on ?? '',
    implemented_on: row?.implemented_on ?? '',
    verification_method: row?.verification_method ?? 'document_review',
    verification_evidence: row?.verification_evidence ?? '',
    verified_on: row?.verified_on ?? '',
    verifier_id: row?.verifier_id ?? typingMember ?? '',
    effectiveness: row?.effectiveness ?? 'not_assessed',
    closed_on: row?.closed_on ?? today,
  };
}

/** The form's values as a move's fields: dates left empty are not sent. */
function fieldsOf(values: FormValues, names: readonly (keyof FormValues)[]): CaFields {
  const fields: Record<string, string | null> = {};
  for (const name of names) {
    const value = values[name];
    if ((DATE_FIELDS as readonly string[]).includes(name) || name === 'verifier_id') {
      if (value) fields[name] = value;
    } else fields[name] = value;
  }
  return fields as CaFields;
}

const RESPONSE_FIELDS = ['correction', 'root_cause', 'action', 'owner', 'correction_due', 'action_due', 'response_on'] as const;
const VERIFY_FIELDS = ['verification_method', 'verification_evidence', 'verified_on', 'verifier_id', 'effectiveness'] as const;

type Dialog = { kind: 'reject' } | { kind: 'closeOnPlan' } | { kind: 'back' } | null;

/**
 * One nonconformity's follow-up: the finding, its deadlines, the client's response (correction, root
 * cause, corrective action, owner, planned dates), the decision, the implementation, the verification
 * and the close, with the history of every step and who made it. The primary next step is
 * Ctrl+Enter; every step can be taken back from its toast (as a step of its own).
 */
export function NcDetail({
  item,
  view,
  handle,
  readOnly,
  onMove,
}: {
  item: NcFollowUpView;
  view: FollowUpView;
  handle: string;
  readOnly: boolean;
  onMove: (to: CaState, options?: { fields?: CaFields; reason?: string; undo?: boolean }) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => valuesOf(item, view.today, view.typing.memberId));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const queueRow = useSaveStore((s) => s.queueRow);
  const rowId = item.action?.id ?? null;
  const closed = item.state === 'closed';
  const locked = readOnly || closed;

  const tooLong = (name: keyof FormValues): string | null =>
    overLimit(name, values[name]) ? t('followUp.tooLong', { limit: formatNumber(TEXT_LIMITS[name] ?? 0), length: formatNumber(values[name].length) }) : null;
  const anyTooLong = (['correction', 'root_cause', 'action', 'owner', 'verification_evidence'] as const).some((name) => tooLong(name) !== null);

  const dateProblem = (name: DateField): string | null =>
    values[name] && values[name] < view.auditStart ? t('followUp.response.beforeAudit', { day: formatDay(view.auditStart) }) : null;

  /** Typed values are kept; once the row exists they autosave (dates only when they are valid). */
  const change = (patch: Partial<FormValues>) => {
    setValues((before) => ({ ...before, ...patch }));
    if (!rowId || locked) return;
    const saved: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(patch)) {
      if ((DATE_FIELDS as readonly string[]).includes(name)) {
        if (!value) saved[name] = null;
        else if (value >= view.auditStart && /^\d{4}-\d{2}-\d{2}$/.test(value)) saved[name] = value;
      } else if (name === 'verifier_id') saved[name] = value || null;
      else if (!overLimit(name, value)) saved[name] = value;
    }
    if (Object.keys(saved).length) queueRow(handle, 'corrective_action', rowId, saved);
  };

  const missing = (to: CaState): string[] =>
    requiredFields(item.state, to)
      .filter((name) => {
        const value = values[name as keyof FormValues];
        if (name === 'effectiveness') return value !== 'effective' && value !== 'not_effective';
        return !value || !String(value).trim();
      })
      .map((name) => fieldLabel(name));

  const fieldLabel = (name: string): string =>
    ({
      correction: t('followUp.response.correction'),
      root_cause: t('followUp.response.rootCause'),
      action: t('followUp.response.action'),
      owner: t('followUp.response.owner'),
      action_due: t('followUp.response.actionDue'),
      response_on: t('followUp.response.responseOn'),
      implemented_on: t('followUp.move.implementedOn'),
      verification_method: t('followUp.verify.method'),
      verification_evidence: t('followUp.verify.evidence'),
      verified_on: t('followUp.verify.verifiedOn'),
      verifier_id: t('followUp.verify.verifier'),
      effectiveness: t('followUp.verify.effectiveness'),
      closed_on: t('followUp.move.closedOn'),
    })[name] ?? name;

  const go = async (to: CaState, names: readonly (keyof FormValues)[] = [], moveReason?: string) => {
    if (busy || anyTooLong) return;
    setBusy(true);
    const done = await onMove(to, { fields: fieldsOf(values, names), ...(moveReason !== undefined ? { reason: moveReason } : {}) });
    setBusy(false);
    if (done) {
      setDialog(null);
      setReason('');
    }
  };

  const effective = values.effectiveness;
  /** The primary next step (Ctrl+Enter), when it can be taken now. */
  const primary: { to: CaState; names: readonly (keyof FormValues)[] } | null = (() => {
    if (locked) return null;
    switch (item.state) {
      case 'raised':
        return { to: 'acknowledged', names: [] };
      case 'acknowledged':
      case 'rejected':
        return { to: 'response_received', names: RESPONSE_FIELDS };
      case 'response_received':
        return { to: 'accepted', names: [] };
      case 'accepted':
        return { to: 'implemented', names: ['implemented_on'] };
      case 'implemented':
        return { to: 'verified', names: VERIFY_FIELDS };
      case 'verified':
        return item.action?.effectiveness === 'effective' ? { to: 'closed', names: ['closed_on'] } : null;
      default:
        return null;
    }
  })();
  const primaryBlocked = !primary || anyTooLong || missing(primary.to).length > 0 || primary.names.some((name) => (DATE_FIELDS as readonly string[]).includes(name) && dateProblem(name as DateField) !== null);

  useGuardedHotkeys(
    [
      [
        'mod+Enter',
        () => {
          if (primary && !primaryBlocked && !dialog) void go(primary.to, primary.names);
        },
      ],
    ],
    [],
  );

  const showResponse = item.state !== 'raised';
  const responseEditable = !locked && ['acknowledged', 'rejected', 'response_received'].includes(item.state);
  const planEditable = !locked && item.state === 'accepted';
  const showVerify = ['implemented', 'verified', 'closed'].includes(item.state);
  const verifyEditable = !locked && item.state === 'implemented';

  const dateInput = (name: DateField, label: string, editable: boolean, testId: string) => (
    <TextInput
      type="date"
      label={label}
      value={values[name]}
      min={view.auditStart}
      onChange={(event) => change({ [name]: event.currentTarget.value } as Partial<FormValues>)}
      readOnly={!editable}
      error={dateProblem(name)}
      data-testid={testId}
    />
  );

  return (
    <Stack gap="md" data-testid="nc-detail" data-finding={item.findingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={4} translate="no">
              {item.label}
            </Title>
            <Badge variant={item.major ? 'filled' : 'light'} color={item.major ? 'red' : 'orange'} tt="none">
              {localized(item.gradeName, i18n.language, item.grade)}
            </Badge>
            {!item.gradeName ? (
              <Badge color="red" variant="outline" tt="none">
                {t('followUp.list.unknownGrade', { grade: item.grade })}
              </Badge>
            ) : null}
            {item.clauses.length ? <Text c="dimmed" size="sm">{t('followUp.list.clauses', { clauses: item.clauses.join(t('common.listSeparator')) })}</Text> : null}
          </Group>
          {item.major ? (
            <Text size="xs" c="red" mt={2}>
              {t('followUp.detail.major')}
            </Text>
          ) : null}
        </div>
        <Badge size="lg" color={STATE_COLOURS[item.state]} variant={closed ? 'filled' : 'light'} tt="none" data-testid="detail-state">
          {t(`followUp.state.${item.state}`)}
        </Badge>
      </Group>

      <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
        {item.requirement ? (
          <>
            <Text size="xs" c="dimmed" fw={600}>
              {t('followUp.detail.requirement')}
            </Text>
            <Text size="sm" translate="no" lineClamp={3} mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {item.requirement}
            </Text>
          </>
        ) : null}
        <Text size="xs" c="dimmed" fw={600}>
          {t('followUp.detail.statement')}
        </Text>
        <Text size="sm" translate="no" style={{ whiteSpace: 'pre-wrap' }}>
          {item.notFulfilled || '—'}
        </Text>
        {item.evidence ? (
          <>
            <Text size="xs" c="dimmed" fw={600} mt="xs">
              {t('followUp.detail.evidence')}
            </Text>
            <Text size="sm" translate="no" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
              {item.evidence}
            </Text>
          </>
        ) : null}
      </Paper>

      <Text size="xs" c="dimmed" fw={600} mb={-8}>
        {t('followUp.detail.deadlines')}
      </Text>
      <Group gap="lg" data-testid="nc-deadlines">
        <Deadline label={item.deadlines.response ? t('followUp.deadline.response', { day: formatDay(item.deadlines.response) }) : t('followUp.deadline.none')} late={item.overdue.response} />
        <Deadline
          label={item.deadlines.verification ? t('followUp.deadline.verification', { day: formatDay(item.deadlines.verification) }) : ''}
          late={item.overdue.verification}
          hint={item.deadlines.verificationBy ? t(`followUp.deadline.by.${item.deadlines.verificationBy}`) : undefined}
        />
        {item.action?.action_due ? <Deadline label={t('followUp.deadline.action', { day: formatDay(item.action.action_due) })} late={item.overdue.action} /> : null}
      </Group>

      {item.state === 'raised' && !locked ? (
        <Group>
          <Button onClick={() => void go('acknowledged')} loading={busy} data-testid="move-acknowledged">
            {t('followUp.move.acknowledged')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('followUp.list.next', { step: t('followUp.step.raised') })}
          </Text>
        </Group>
      ) : null}

      {showResponse ? (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {t('followUp.response.title')}
          </Title>
          <Stack gap="sm">
            <Textarea label={t('followUp.response.correction')} description={t('followUp.response.correctionHint')} value={values.correction} error={tooLong('correction')} onChange={(e) => change({ correction: e.currentTarget.value })} readOnly={!responseEditable} autosize minRows={2} maxRows={8} data-testid="ca-correction" />
            <Textarea label={t('followUp.response.rootCause')} description={t('followUp.response.rootCauseHint')} value={values.root_cause} error={tooLong('root_cause')} onChange={(e) => change({ root_cause: e.currentTarget.value })} readOnly={!responseEditable} autosize minRows={2} maxRows={8} data-testid="ca-root-cause" />
            <Textarea label={t('followUp.response.action')} description={t('followUp.response.actionHint')} value={values.action} error={tooLong('action')} onChange={(e) => change({ action: e.currentTarget.value })} readOnly={!responseEditable && !planEditable} autosize minRows={2} maxRows={8} data-testid="ca-action" />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label={t('followUp.response.owner')} value={values.owner} error={tooLong('owner')} onChange={(e) => change({ owner: e.currentTarget.value })} readOnly={!responseEditable} data-testid="ca-owner" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>{dateInput('response_on', t('followUp.response.responseOn'), responseEditable, 'ca-response-on')}</Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>{dateInput('correction_due', t('followUp.response.correctionDue'), responseEditable, 'ca-correction-due')}</Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>{dateInput('action_due', t('followUp.response.actionDue'), responseEditable || planEditable, 'ca-action-due')}</Grid.Col>
            </Grid>
            {item.action?.decision_reason && (item.state === 'rejected' || item.state === 'response_received') ? (
              <Alert color="orange" variant="light" py="xs" data-testid="ca-rejected-reason">
                {t('followUp.state.rejected')}: <span translate="no">{item.action.decision_reason}</span>
              </Alert>
            ) : null}
            {responseEditable ? (
              <Group>
                {item.state !== 'response_received' ? (
                  <Button onClick={() => void go('response_received', RESPONSE_FIELDS)} disabled={anyTooLong || missing('response_received').length > 0 || RESPONSE_FIELDS.some((n) => (DATE_FIELDS as readonly string[]).includes(n) && dateProblem(n as DateField))} loading={busy} data-testid="move-response_received">
                    {t('followUp.move.response_received')}
                  </Button>
                ) : (
                  <>
                    <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => void go('accepted')} loading={busy} data-testid="move-accepted">
                      {t('followUp.move.accepted')}
                    </Button>
                    <Button color="orange" variant="light" leftSection={<IconX size={16} />} onClick={() => setDialog({ kind: 'reject' })} data-testid="move-rejected">
                      {t('followUp.move.rejected')}
                    </Button>
                  </>
                )}
                {item.state !== 'response_received' && missing('response_received').length ? (
                  <Text size="xs" c="dimmed" data-testid="ca-missing">
                    {t('followUp.response.missing', { fields: missing('response_received').join(t('common.listSeparator')) })}
                  </Text>
                ) : null}
              </Group>
            ) : null}
            {planEditable ? (
              <Group align="flex-end">
                {dateInput('implemented_on', t('followUp.move.implementedOn'), true, 'ca-implemented-on')}
                <Button onClick={() => void go('implemented', ['implemented_on'])} disabled={!values.implemented_on || Boolean(dateProblem('implemented_on'))} loading={busy} data-testid="move-implemented">
                  {t('followUp.move.implemented')}
                </Button>
                {item.nextMoves.includes('closed') ? (
                  <Button variant="light" onClick={() => setDialog({ kind: 'closeOnPlan' })} data-testid="move-close-on-plan">
                    {t('followUp.move.closeOnPlan')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      {showVerify ? (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={5}>{t('followUp.verify.title')}</Title>
            <Text size="sm" c="dimmed" data-testid="ca-dates">
              {[
                item.action?.implemented_on ? t('followUp.verify.implementedOn', { day: formatDay(item.action.implemented_on) }) : null,
                closed && item.action?.closed_on ? t('followUp.verify.closedOn', { day: formatDay(item.action.closed_on) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Group>
          <Stack gap="sm">
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('followUp.verify.method')}
                  data={VERIFICATION_METHODS.map((method) => ({ value: method, label: t(`followUp.method.${method}`) }))}
                  value={values.verification_method}
                  onChange={(value) => value && change({ verification_method: value as VerificationMethod })}
                  readOnly={!verifyEditable}
                  allowDeselect={false}
                  data-testid="ca-verify-method"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('followUp.verify.verifier')}
                  data={view.team.map((member) => ({ value: member.id, label: member.name }))}
                  value={values.verifier_id || null}
                  onChange={(value) => change({ verifier_id: value ?? '' })}
                  readOnly={!verifyEditable}
                  data-testid="ca-verifier"
                />
              </Grid.Col>
            </Grid>
            <Textarea label={t('followUp.verify.evidence')} description={t('followUp.verify.evidenceHint')} value={values.verification_evidence} error={tooLong('verification_evidence')} onChange={(e) => change({ verification_evidence: e.currentTarget.value })} readOnly={!verifyEditable} autosize minRows={2} maxRows={8} data-testid="ca-verify-evidence" />
            <Group align="flex-end" gap="md">
              {dateInput('verified_on', t('followUp.verify.verifiedOn'), verifyEditable, 'ca-verified-on')}
              <div>
                <Text size="sm" fw={500} id={`effective-${item.findingId}`}>
                  {t('followUp.verify.effectiveness')}
                </Text>
                <SegmentedControl
                  aria-labelledby={`effective-${item.findingId}`}
                  value={values.effectiveness}
                  onChange={(value) => change({ effectiveness: value as VerificationResult })}
                  readOnly={!verifyEditable}
                  color={values.effectiveness === 'effective' ? 'green' : values.effectiveness === 'not_effective' ? 'red' : 'gray'}
                  data={[
                    { value: 'not_assessed', label: t('followUp.verify.notAssessed') },
                    { value: 'effective', label: t('followUp.verify.effective') },
                    { value: 'not_effective', label: t('followUp.verify.notEffective') },
                  ]}
                  data-testid="ca-effectiveness"
                />
              </div>
            </Group>
            {verifyEditable ? (
              <Group>
                <Button onClick={() => void go('verified', VERIFY_FIELDS)} disabled={anyTooLong || missing('verified').length > 0 || Boolean(dateProblem('verified_on'))} loading={busy} data-testid="move-verified">
                  {t('followUp.move.verified')}
                </Button>
                {missing('verified').length ? (
                  <Text size="xs" c="dimmed">
                    {t('followUp.response.missing', { fields: missing('verified').join(t('common.listSeparator')) })}
                  </Text>
                ) : null}
              </Group>
            ) : null}
            {item.state === 'verified' && !locked ? (
              effective === 'not_effective' || item.action?.effectiveness === 'not_effective' ? (
                <Stack gap="xs">
                  <Alert color="red" variant="light" py="xs">
                    {t('followUp.verify.notEffectiveHint')}
                  </Alert>
                  <Group>
                    <Button color="orange" variant="light" onClick={() => setDialog({ kind: 'back' })} data-testid="move-back">
                      {t('followUp.move.backForAction')}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Group align="flex-end">
                  {dateInput('closed_on', t('followUp.move.closedOn'), true, 'ca-closed-on')}
                  <Button color="green" onClick={() => void go('closed', ['closed_on'])} disabled={!values.closed_on || Boolean(dateProblem('closed_on'))} loading={busy} data-testid="move-closed">
                    {t('followUp.move.closed')}
                  </Button>
                </Group>
              )
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      {item.undoTo && !readOnly ? (
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowBackUp size={14} />} onClick={() => void onMove(item.undoTo!, { undo: true })} data-testid="move-undo">
            {t('followUp.move.undo', { state: t(`followUp.state.${item.undoTo}`) })}
          </Button>
        </Group>
      ) : null}

      <Divider />
      <div>
        <Title order={5} mb="xs">
          {t('followUp.detail.history')}
        </Title>
        {item.history.length ? (
          <Timeline active={item.history.length - 1} bulletSize={14} lineWidth={2} data-testid="ca-history">
            {[...item.history].map((move) => (
              <Timeline.Item key={move.id} title={t('followUp.detail.moved', { from: t(`followUp.state.${move.from}`), to: t(`followUp.state.${move.to}`) })} data-testid="ca-history-item">
                <Text size="xs" c="dimmed">
                  {t('followUp.detail.by', { name: move.movedByName || t('followUp.detail.unknownMember'), time: formatInstant(move.movedAt) })}
                </Text>
                {move.reason ? (
                  <Text size="sm" translate="no">
                    {move.reason === 'undo' ? t('followUp.move.undone') : move.reason}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        ) : (
          <Text size="sm" c="dimmed">
            {t('followUp.detail.historyEmpty')}
          </Text>
        )}
      </div>


      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'reject' ? t('followUp.move.rejectTitle') : dialog?.kind === 'closeOnPlan' ? t('followUp.move.closeOnPlanTitle') : t('followUp.move.backTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{dialog?.kind === 'reject' ? t('followUp.move.rejectHint') : dialog?.kind === 'closeOnPlan' ? t('followUp.move.closeOnPlanHint') : t('followUp.move.backHint')}</Text>
          <Textarea label={t('followUp.move.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} data-autofocus data-testid="move-reason" />
          {dialog?.kind === 'closeOnPlan' ? dateInput('closed_on', t('followUp.move.closedOn'), true, 'ca-closed-on-plan') : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('followUp.move.cancel')}
            </Button>
            <Button
              disabled={!reason.trim() || (dialog?.kind === 'closeOnPlan' && (!values.closed_on || Boolean(dateProblem('closed_on'))))}
              loading={busy}
              onClick={() => {
                if (dialog?.kind === 'reject') void go('rejected', [], reason);
                else if (dialog?.kind === 'closeOnPlan') void go('closed', ['closed_on'], reason);
                else void go('accepted', [], reason);
              }}
              data-testid="move-confirm"
            >
              {t(`followUp.move.confirm.${dialog?.kind ?? 'reject'}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Deadline({ label, late, hint }: { label: string; late: boolean; hint?: string | undefined }) {
  const { t } = useTranslation();
  if (!label) return null;
  return (
    <div>
      <Text size="sm" c={late ? 'red' : undefined} fw={late ? 700 : 500} data-overdue={late || undefined}>
        {label}
        {late ? ` · ${t('followUp.deadline.overdue')}` : ''}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}
