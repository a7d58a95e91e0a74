import { Badge, Button, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import { IconSignature, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { ClosingFindingView, ClosingView } from '../../../../shared/contract/closing-views.ts';
import { AREA_OF_CONCERN } from '../../../../shared/findings/finding-kinds.ts';
import { formatInstant } from '../../components/format.ts';
import { showUndo } from '../../components/undo.tsx';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { AcknowledgeModal, type Acknowledgement } from './AcknowledgeModal.tsx';

interface Group_ {
  readonly key: string;
  readonly title: string;
  readonly colour: string;
  /** The title is the CB profile's grade name (its data, in its own languages), not a UI string. */
  readonly fromProfile: boolean;
  readonly findings: readonly ClosingFindingView[];
}

/**
 * The findings presented at the closing meeting, grouped by grade in the scale's order (a grade the
 * profile no longer defines is shown, flagged, last), and the auditee's acknowledgement of each
 * nonconformity: signed (who, role, when, the signature) or declined with the reason. Signing again
 * replaces the acknowledgement; the toast undoes it.
 */
export function FindingsPresented({ handle, view, readOnly, onChanged, onError }: { handle: string; view: ClosingView; readOnly: boolean; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const [acting, setActing] = useState<{ finding: ClosingFindingView; mode: 'sign' | 'decline' } | null>(null);
  const gradeName = (finding: ClosingFindingView) =>
    finding.grade === AREA_OF_CONCERN ? t('closing.findings.areaOfConcern') : finding.gradeInfo ? textIn(finding.gradeInfo.name, i18n.language, 'en') : t('closing.findings.unknownGrade', { grade: finding.grade });

  const groups: Group_[] = [];
  const known = [...view.grades].sort((a, b) => a.order - b.order);
  for (const grade of known) {
    const findings = view.findings.filter((finding) => finding.grade === grade.key);
    if (findings.length) groups.push({ key: grade.key, title: textIn(grade.name, i18n.language, 'en'), fromProfile: true, colour: grade.isNonconformity ? (findings[0]!.major ? 'red' : 'orange') : 'blue', findings });
  }
  const concerns = view.findings.filter((finding) => finding.grade === AREA_OF_CONCERN);
  if (concerns.length) groups.push({ key: AREA_OF_CONCERN, title: t('closing.findings.areaOfConcern'), fromProfile: false, colour: 'yellow', findings: concerns });
  const unknown = view.findings.filter((finding) => finding.grade !== AREA_OF_CONCERN && !finding.gradeInfo);
  for (const grade of [...new Set(unknown.map((finding) => finding.grade))]) {
    groups.push({ key: `unknown:${grade}`, title: t('closing.findings.unknownGrade', { grade }), fromProfile: false, colour: 'gray', findings: unknown.filter((finding) => finding.grade === grade) });
  }

  const ncs = view.findings.filter((finding) => finding.isNonconformity);
  const done = ncs.filter((finding) => finding.acknowledgement).length;
  // The person who signed last is most likely the next signer.
  const lastSigner = [...ncs].map((finding) => finding.acknowledgement).filter((ack) => ack?.signerName).sort((a, b) => (b!.recordedAt > a!.recordedAt ? 1 : -1))[0];

  async function save(finding: ClosingFindingView, values: Acknowledgement) {
    const previous = finding.acknowledgement;
    await useSaveStore.getState().flush();
    const row = await invoke('closing:acknowledge', {
      engagementHandle: handle,
      findingId: finding.id,
      status: values.status,
      signerName: values.signer_name,
      signerRole: values.signer_role,
      signature: values.signature,
      declinedReason: values.declined_reason,
    });
    onChanged();
    const message = values.status === 'signed' ? t('closing.ack.savedSigned', { label: finding.label, name: values.signer_name }) : t('closing.ack.savedDeclined', { label: finding.label });
    showUndo(t, message, async () => {
      try {
        if (previous) {
          await invoke('rows:create', {
            engagementHandle: handle,
            table: 'nc_acknowledgement',
            values: { finding_id: finding.id, status: previous.status, signer_name: previous.signerName, signer_role: previous.signerRole, signature: previous.signature, declined_reason: previous.declinedReason, recorded_at: previous.recordedAt, recorded_by: previous.recordedBy },
          });
        } else {
          await invoke('rows:delete', { engagementHandle: handle, table: 'nc_acknowledgement', id: String(row.id) });
        }
      } catch (failure) {
        onError(failure);
      }
      onChanged();
    });
  }

  return (
    <Card withBorder padding="lg" data-testid="findings-presented">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={4}>{t('closing.findings.title')}</Title>
        {ncs.length ? (
          <Text size="sm" c={done === ncs.length ? 'teal' : 'dimmed'} data-testid="ack-count">
            {t('closing.findings.counts', { ncs: ncs.length, done })}
          </Text>
        ) : null}
      </Group>
      {!view.typingMemberId && ncs.length && !readOnly ? (
        <Text size="xs" c="orange" mb="xs">
          {t('closing.ack.noTyping')}
        </Text>
      ) : null}
      {view.findings.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="findings-presented-empty">
          {t('closing.findings.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {groups.map((group) => (
            <Stack key={group.key} gap={6}>
              <Group gap="xs">
                <Badge color={group.colour} variant="light" translate={group.fromProfile ? 'no' : undefined}>
                  {group.title}
                </Badge>
                <Text size="xs" c="dimmed">
                  {group.findings.length}
                </Text>
              </Group>
              {group.findings.map((finding) => (
                <FindingRow key={finding.id} finding={finding} gradeName={gradeName(finding)} readOnly={readOnly} onSign={() => setActing({ finding, mode: 'sign' })} onDecline={() => setActing({ finding, mode: 'decline' })} />
              ))}
            </Stack>
          ))}
        </Stack>
      )}
      {acting ? (
        <AcknowledgeModal
          finding={acting.finding}
          mode={acting.mode}
          defaultSigner={{ name: lastSigner?.signerName ?? '', role: lastSigner?.signerRole ?? '' }}
          onSave={(values) => save(acting.finding, values).catch((failure) => Promise.reject(failure))}
          onClose={() => setActing(null)}
        />
      ) : null}
    </Card>
  );
}

function FindingRow({ finding, gradeName, readOnly, onSign, onDecline }: { finding: ClosingFindingView; gradeName: string; readOnly: boolean; onSign: () => void; onDecline: () => void }) {
  const { t } = useTranslation();
  const ack = finding.acknowledgement;
  const when = ack ? formatInstant(ack.recordedAt) : '';
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="md"
      p="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="presented-finding"
      data-label={finding.label}
      data-ack={ack?.status ?? 'none'}
    >
      <div style={{ minWidth: 0, flex: 1 }}>
        <Group gap={8} wrap="nowrap">
          <Text fw={700} translate="no" style={{ whiteSpace: 'nowrap' }}>
            {finding.label}
          </Text>
          {!finding.gradeInfo ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {gradeName}
            </Text>
          ) : null}
          {finding.clauses.length ? (
            <Text size="sm" c="dimmed" translate="no" style={{ whiteSpace: 'nowrap' }}>
              § {finding.clauses.join(t('common.listSeparator'))}
            </Text>
          ) : null}
        </Group>
        {finding.notFulfilled ? (
          <Text size="sm" lineClamp={2} translate="no">
            {finding.notFulfilled}
          </Text>
        ) : null}
        {finding.isNonconformity ? (
          <Text size="xs" mt={4} c={ack ? (ack.status === 'signed' ? 'teal' : 'orange') : 'dimmed'} data-testid="ack-state">
            {ack
              ? ack.status === 'signed'
                ? t(ack.signerRole ? 'closing.ack.signed' : 'closing.ack.signedNoRole', { name: ack.signerName, role: ack.signerRole, when })
                : t('closing.ack.declined', { when, reason: ack.declinedReason })
              : t('closing.ack.none')}
            {ack?.recordedByName ? ` · ${t('closing.ack.recordedBy', { name: ack.recordedByName })}` : ''}
          </Text>
        ) : null}
      </div>
      {finding.isNonconformity ? (
        <Group gap="xs" wrap="nowrap" align="center" style={{ flexShrink: 0 }}>
          {ack?.status === 'signed' && ack.signature ? <Image src={ack.signature} alt={t('closing.ack.view', { name: ack.signerName })} h={40} w="auto" fit="contain" data-testid="ack-signature" /> : null}
          {!readOnly ? (
            <>
              <Button size="xs" variant={ack ? 'default' : 'light'} leftSection={<IconSignature size={14} />} onClick={onSign} data-testid="ack-sign">
                {ack ? t('closing.ack.resign') : t('closing.ack.sign')}
              </Button>
              <Button size="xs" variant="subtle" color="orange" leftSection={<IconX size={14} />} onClick={onDecline} data-testid="ack-decline">
                {t('closing.ack.decline')}
              </Button>
            </>
          ) : null}
        </Group>
      ) : null}
    </Group>
  );
}
