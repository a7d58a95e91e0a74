import { Alert, Badge, Button, Checkbox, Grid, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPencilPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarlierNcView, FollowUpView, LinkedFilePreview } from '../../../../shared/contract/follow-up-views.ts';
import { EARLIER_NC_STATUSES, VERIFICATION_METHODS, type EarlierNcStatus, type VerificationMethod, type VerificationResult } from '../../../../shared/findings/finding-kinds.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay, formatDayRange, formatNumber } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { addRow, deleteRowWithUndo } from '../../state/row-actions.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { overLimit, TEXT_LIMITS } from './labels.ts';

const EMPTY_TYPED = { number: '', grade_name: '', clause: '', statement: '', status_at_start: 'open' as EarlierNcStatus, audit_label: '', raised_on: '' };

/**
 * The client's earlier nonconformities, verified at this audit (17021-1 9.4.8 item 18): typed in from
 * the last report for a client with no earlier file, or imported from the earlier engagement file
 * (read only). Each is verified here — method, what was seen, date, verifier — and closed as effective.
 */
export function EarlierNcs({ view, handle, readOnly, reload }: { view: FollowUpView; handle: string; readOnly: boolean; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState(EMPTY_TYPED);
  const [preview, setPreview] = useState<LinkedFilePreview | null>(null);
  const [confirmOther, setConfirmOther] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const chooser = useFileChooser();
  const current = view.earlier.find((nc) => nc.id === selected) ?? null;

  const addTyped = async () => {
    const added = await addRow(
      handle,
      'earlier_nc',
      { source: 'typed', source_ref: `typed:${crypto.randomUUID()}`, ...typed, raised_on: typed.raised_on || null },
      { reload: () => void reload(), onError: setError },
    );
    if (added) {
      setTyping(false);
      setTyped(EMPTY_TYPED);
    }
  };

  const chooseFile = async () => {
    const file = await chooser.choose({ mode: 'open', kind: 'engagement', suggestedName: '', title: t('followUp.linked.chooseTitle') });
    if (!file) return;
    try {
      setError(null);
      setConfirmOther(false);
      setPreview(await invoke('followUp:previewLinked', { engagementHandle: handle, file }));
    } catch (failure) {
      setError(failure);
    }
  };

  const auditLabel = (linked: LinkedFilePreview): string => `${t(`auditType.${linked.auditType}`)}, ${formatDayRange(linked.startDate, linked.endDate)}`;

  const importLinked = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await invoke('followUp:importLinked', { engagementHandle: handle, file: preview.file, auditLabel: auditLabel(preview), confirmOtherClient: confirmOther });
      setPreview(null);
      notifications.show({ color: 'green', message: result.added ? t('followUp.linked.imported', { count: result.added }) : t('followUp.linked.importedNone') });
      await reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="earlier-ncs">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Title order={4}>{t('followUp.earlier.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('followUp.earlier.intro')}
          </Text>
        </div>
        {!readOnly ? (
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPencilPlus size={16} />} onClick={() => setTyping(true)} data-testid="earlier-type-in">
              {t('followUp.earlier.typeIn')}
            </Button>
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => void chooseFile()} data-testid="earlier-import">
              {t('followUp.earlier.import')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {view.earlierLastSeq !== null ? (
        <Text size="xs" c="dimmed" mb="xs" data-testid="earlier-last-seq">
          {t('followUp.earlier.lastSeq', { seq: view.earlierLastSeq })}
        </Text>
      ) : null}
      {!view.earlier.length ? (
        <Text size="sm" mt="sm" data-testid="earlier-empty">
          {t('followUp.earlier.empty')}
        </Text>
      ) : (
        <Grid gap="md" mt="xs">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xs" data-testid="earlier-list">
              {view.earlier.map((nc) => (
                <UnstyledButton key={nc.id} onClick={() => setSelected(nc.id)} data-testid="earlier-row" aria-pressed={nc.id === selected}>
                  <Paper withBorder p="sm" style={{ borderColor: nc.id === selected ? 'var(--mantine-color-blue-6)' : undefined, background: nc.id === selected ? 'var(--mantine-color-blue-0)' : undefined }}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                        <Text fw={700} translate="no">
                          {nc.number || '—'}
                        </Text>
                        {nc.grade_name ? (
                          <Badge variant="light" color="orange" tt="none" size="sm" translate="no">
                            {nc.grade_name}
                          </Badge>
                        ) : null}
                      </Group>
                      <EarlierState nc={nc} />
                    </Group>
                    <Text size="sm" lineClamp={2} mt={4} translate="no">
                      {nc.statement}
                    </Text>
                    <Text size="xs" c="dimmed" mt={2}>
                      <span translate="no">{[nc.clause, nc.audit_label].filter(Boolean).join(' · ')}</span>
                      {' · '}
                      {t(`followUp.earlier.status.${nc.status_at_start}`)}
                      {' · '}
                      {nc.source === 'typed' ? t('followUp.earlier.sourceTyped') : t('followUp.earlier.sourceLinked')}
                    </Text>
                  </Paper>
                </UnstyledButton>
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {current ? (
              <EarlierVerify key={current.id} nc={current} view={view} handle={handle} readOnly={readOnly} reload={reload} onError={setError} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('followUp.earlier.pick')}
              </Text>
            )}
          </Grid.Col>
        </Grid>
      )}

      <Modal opened={typing} onClose={() => setTyping(false)} title={t('followUp.earlier.typeInTitle')} size="lg">
        <Stack gap="sm">
          <Grid gap="sm">
            <Grid.Col span={4}>
              <TextInput label={t('followUp.earlier.number')} value={typed.number} onChange={(e) => setTyped({ ...typed, number: e.currentTarget.value })} data-autofocus data-testid="typed-number" />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('followUp.earlier.grade')} value={typed.grade_name} onChange={(e) => setTyped({ ...typed, grade_name: e.currentTarget.value })} data-testid="typed-grade" />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('followUp.earlier.clause')} value={typed.clause} onChange={(e) => setTyped({ ...typed, clause: e.currentTarget.value })} data-testid="typed-clause" />
            </Grid.Col>
          </Grid>
          <Textarea label={t('followUp.earlier.statement')} value={typed.statement} error={overLimit('statement', typed.statement) ? t('followUp.tooLong', { limit: formatNumber(TEXT_LIMITS.statement ?? 0), length: formatNumber(typed.statement.length) }) : null} onChange={(e) => setTyped({ ...typed, statement: e.currentTarget.value })} autosize minRows={3} data-testid="typed-statement" />
          <Grid gap="sm">
            <Grid.Col span={6}>
              <TextInput label={t('followUp.earlier.auditLabel')} placeholder={t('followUp.earlier.auditLabelHint')} value={typed.audit_label} onChange={(e) => setTyped({ ...typed, audit_label: e.currentTarget.value })} data-testid="typed-audit" />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput type="date" label={t('followUp.earlier.raisedOn')} value={typed.raised_on} onChange={(e) => setTyped({ ...typed, raised_on: e.currentTarget.value })} data-testid="typed-raised-on" />
            </Grid.Col>
          </Grid>
          <Select
            label={t('followUp.earlier.statusAtStart')}
            data={EARLIER_NC_STATUSES.map((status) => ({ value: status, label: t(`followUp.earlier.status.${status}`) }))}
            value={typed.status_at_start}
            onChange={(value) => value && setTyped({ ...typed, status_at_start: value as EarlierNcStatus })}
            allowDeselect={false}
            data-testid="typed-status"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setTyping(false)}>
              {t('followUp.move.cancel')}
            </Button>
            <Button onClick={() => void addTyped()} disabled={!typed.number.trim() || !typed.statement.trim() || Object.entries(typed).some(([name, value]) => overLimit(name, value))} data-testid="typed-add">
              {t('followUp.earlier.add')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={t('followUp.linked.previewTitle')} size="lg">
        {preview ? (
          <Stack gap="sm" data-testid="linked-preview">
            <Text fw={600}>
              <span translate="no">{preview.file}</span>
            </Text>
            <Text size="sm">
              <span translate="no">{preview.clientName}</span> · {t(`auditType.${preview.auditType}`)} · {formatDayRange(preview.startDate, preview.endDate)}
            </Text>
            <Text size="sm">{preview.nonconformities ? t('followUp.linked.count', { count: preview.nonconformities }) : t('followUp.linked.none')}</Text>
            {preview.alreadyImported ? <Text size="sm">{t('followUp.linked.already', { count: preview.alreadyImported })}</Text> : null}
            {preview.highestSeq !== null ? <Text size="sm">{t('followUp.linked.lastSeq', { seq: preview.highestSeq })}</Text> : null}
            {preview.otherClient ? (
              <Alert color="orange" variant="light" data-testid="linked-other-client">
                <Text size="sm">{t('followUp.linked.otherClient', { client: preview.clientName })}</Text>
                <Checkbox mt="xs" label={t('followUp.linked.confirmOther')} checked={confirmOther} onChange={(e) => setConfirmOther(e.currentTarget.checked)} data-testid="linked-confirm-other" />
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('followUp.move.cancel')}
              </Button>
              <Button onClick={() => void importLinked()} disabled={preview.otherClient && !confirmOther} loading={busy} data-testid="linked-import">
                {t('followUp.linked.import')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      {chooser.picker}
    </Paper>
  );
}

function EarlierState({ nc }: { nc: EarlierNcView }) {
  const { t } = useTranslation();
  if (nc.closed_on && nc.effectiveness === 'effective') {
    return (
      <Badge color="green" tt="none" data-testid="earlier-state">
        {t('followUp.state.closed')}
      </Badge>
    );
  }
  if (nc.effectiveness === 'not_effective') {
    return (
      <Badge color="red" variant="light" tt="none" data-testid="earlier-state">
        {t('followUp.earlier.notEffective')}
      </Badge>
    );
  }
  return (
    <Badge color="gray" variant="light" tt="none" data-testid="earlier-state">
      {t('followUp.earlier.toVerify')}
    </Badge>
  );
}

/** The verification of one earlier nonconformity at this audit; its fields autosave through the row path. */
function EarlierVerify({ nc, view, handle, readOnly, reload, onError }: { nc: EarlierNcView; view: FollowUpView; handle: string; readOnly: boolean; reload: () => Promise<void>; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const [values, setValues] = useState({
    verification_method: nc.verification_method,
    verification_note: nc.verification_note,
    verified_on: nc.verified_on ?? view.today,
    verifier_id: nc.verifier_id ?? view.typing.memberId ?? '',
    effectiveness: nc.effectiveness,
  });
  const closed = Boolean(nc.closed_on) && nc.effectiveness === 'effective';
  const locked = readOnly || closed;
  const beforeAudit = values.verified_on !== '' && values.verified_on < view.auditStart;

  const change = (patch: Partial<typeof values>) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (locked) return;
    const saved: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(patch)) {
      if (name === 'verified_on') {
        if (!value) saved[name] = null;
        else if (value >= view.auditStart) saved[name] = value;
      } else if (name === 'verifier_id') saved[name] = value || null;
      else if (!overLimit(name, value)) saved[name] = value;
    }
    if (Object.keys(saved).length) queueRow(handle, 'earlier_nc', nc.id, saved);
  };

  const noteTooLong = overLimit('verification_note', values.verification_note);
  const ready = !noteTooLong && values.verification_note.trim() !== '' && values.verified_on !== '' && !beforeAudit && values.verifier_id !== '';

  const setClosed = async (close: boolean) => {
    try {
      await useSaveStore.getState().flush();
      const patch = close
        ? { verification_method: values.verification_method, verification_note: values.verification_note, verified_on: values.verified_on, verifier_id: values.verifier_id, effectiveness: 'effective', closed_on: values.verified_on }
        : { closed_on: null, effectiveness: 'not_assessed' };
      await invoke('rows:update', { engagementHandle: handle, table: 'earlier_nc', id: nc.id, patch });
      if (close) notifications.show({ color: 'green', message: t('followUp.earlier.closedDone', { number: nc.number }) });
      await reload();
    } catch (failure) {
      onError(failure);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="earlier-verify">
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          {t('followUp.earlier.verifyTitle')} · <span translate="no">{nc.number}</span>
        </Title>
        <EarlierState nc={nc} />
      </Group>
      {nc.client_action ? (
        <>
          <Text size="xs" c="dimmed" fw={600}>
            {t('followUp.earlier.clientAction')}
          </Text>
          <Text size="sm" mb="sm" translate="no" style={{ whiteSpace: 'pre-wrap' }}>
            {nc.client_action}
          </Text>
        </>
      ) : null}
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('followUp.verify.method')}
              data={VERIFICATION_METHODS.filter((method) => method !== 'next_audit').map((method) => ({ value: method, label: t(`followUp.method.${method}`) }))}
              value={values.verification_method}
              onChange={(value) => value && change({ verification_method: value as VerificationMethod })}
              readOnly={locked}
              allowDeselect={false}
              data-testid="earlier-method"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('followUp.verify.verifier')}
              data={view.team.map((member) => ({ value: member.id, label: member.name }))}
              value={values.verifier_id || null}
              onChange={(value) => change({ verifier_id: value ?? '' })}
              readOnly={locked}
              data-testid="earlier-verifier"
            />
          </Grid.Col>
        </Grid>
        <Textarea label={t('followUp.earlier.note')} description={t('followUp.verify.evidenceHint')} value={values.verification_note} error={noteTooLong ? t('followUp.tooLong', { limit: formatNumber(TEXT_LIMITS.verification_note ?? 0), length: formatNumber(values.verification_note.length) }) : null} onChange={(e) => change({ verification_note: e.currentTarget.value })} readOnly={locked} autosize minRows={2} maxRows={8} data-testid="earlier-note" />
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('followUp.verify.verifiedOn')}
            value={values.verified_on}
            min={view.auditStart}
            onChange={(e) => change({ verified_on: e.currentTarget.value })}
            readOnly={locked}
            error={beforeAudit ? t('followUp.response.beforeAudit', { day: formatDay(view.auditStart) }) : null}
            data-testid="earlier-verified-on"
          />
          <SegmentedControl
            value={values.effectiveness}
            onChange={(value) => change({ effectiveness: value as VerificationResult })}
            readOnly={locked}
            color={values.effectiveness === 'effective' ? 'green' : values.effectiveness === 'not_effective' ? 'red' : 'gray'}
            data={[
              { value: 'not_assessed', label: t('followUp.verify.notAssessed') },
              { value: 'effective', label: t('followUp.verify.effective') },
              { value: 'not_effective', label: t('followUp.verify.notEffective') },
            ]}
            aria-label={t('followUp.verify.effectiveness')}
            data-testid="earlier-effectiveness"
          />
        </Group>
        {closed ? (
          <Group justify="space-between">
            <Text size="sm" c="green" data-testid="earlier-closed">
              {t('followUp.earlier.verified', { day: formatDay(nc.closed_on!) })}
            </Text>
            {!readOnly ? (
              <Button variant="subtle" size="compact-sm" onClick={() => void setClosed(false)} data-testid="earlier-reopen">
                {t('followUp.earlier.reopen')}
              </Button>
            ) : null}
          </Group>
        ) : !readOnly ? (
          <Group justify="space-between">
            <Group gap="xs">
              <Button color="green" onClick={() => void setClosed(true)} disabled={!ready || values.effectiveness === 'not_effective'} data-testid="earlier-close">
                {t('followUp.earlier.closeEffective')}
              </Button>
              {!ready ? (
                <Text size="xs" c="dimmed">
                  {t('followUp.earlier.needed')}
                </Text>
              ) : null}
            </Group>
            {nc.source === 'typed' ? (
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                leftSection={<IconTrash size={14} />}
                onClick={() => void deleteRowWithUndo(handle, 'earlier_nc', nc.id, t('followUp.earlier.deleted', { number: nc.number }), t, { reload: () => void reload(), onError })}
                data-testid="earlier-delete"
              >
                {t('followUp.earlier.delete')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {values.effectiveness === 'not_effective' && !closed ? (
          <Alert color="red" variant="light" py="xs">
            {t('followUp.verify.notEffectiveHint')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
