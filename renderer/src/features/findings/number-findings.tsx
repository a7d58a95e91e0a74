import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconListNumbers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingsView } from '../../../../shared/contract/finding-views.ts';
import { assignFindingNumbers, type NumberAssignment } from '../../../../shared/findings/numbering-order.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useFindings } from '../../state/findings.ts';

/** What a numbering would change: old label → new number, in the new order; and how many keep theirs. */
function preview(view: FindingsView, year: number, auditNumber: string, renumberAll: boolean): { changes: (NumberAssignment & { label: string })[]; kept: number } | { problem: string } {
  const outcome = assignFindingNumbers({
    findings: view.findings.map((finding) => ({
      id: finding.id,
      grade: finding.grade,
      finalNumber: finding.finalNumber,
      finalSeq: finding.finalSeq,
      clauses: finding.clauses.map((link) => link.target),
      raisedOn: finding.raisedOn,
      raisedBy: finding.raisedBy,
      provisionalSeq: finding.provisionalSeq,
      deleted: false,
    })),
    grades: view.grades,
    numbering: view.numbering,
    year,
    auditNumber,
    earlierLastSeq: view.earlierLastSeq,
    renumberAll,
  });
  if (!outcome.ok) return { problem: 'reason' in outcome.problem ? String(outcome.problem.reason) : 'pattern' };
  const labels = new Map(view.findings.map((finding) => [finding.id, finding.label]));
  const changes = outcome.assignments
    .filter((assignment) => assignment.number !== assignment.previous)
    .map((assignment) => ({ ...assignment, label: labels.get(assignment.findingId) ?? '' }))
    .sort((a, b) => (a.seq ?? 1e9) - (b.seq ?? 1e9) || a.number.localeCompare(b.number));
  return { changes, kept: outcome.assignments.length - changes.length };
}

/**
 * The lead's "Number findings": a confirmation listing what changes (provisional id or old number →
 * new number, in the documented order of shared/findings/numbering-order.ts), then findings:number.
 * "Renumber all" (every finding numbered anew) sits behind a second confirmation. Others see the
 * button disabled with the reason.
 */
export function NumberFindingsButton({ view, isLead, readOnly, leadName }: { view: FindingsView; isLead: boolean; readOnly: boolean; leadName: string }) {
  const { t } = useTranslation();
  const engagement = useAppStore((s) => s.current?.engagement);
  const number = useFindings((s) => s.number);
  const [step, setStep] = useState<'closed' | 'number' | 'renumber'>('closed');
  const [busy, setBusy] = useState(false);
  const year = Number((engagement?.start_date ?? '').slice(0, 4)) || new Date().getFullYear();
  const auditNumber = engagement?.cb_audit_number ?? '';
  const plan = useMemo(() => (step === 'closed' ? null : preview(view, year, auditNumber, step === 'renumber')), [step, view, year, auditNumber]);

  const disabledReason = readOnly
    ? t('findings.number.readOnly')
    : !isLead
      ? leadName
        ? t('findings.number.leadOnly', { name: leadName })
        : t('findings.number.noLead')
      : view.findings.length === 0
        ? t('findings.number.nothing')
        : null;

  const run = async (renumberAll: boolean) => {
    setBusy(true);
    const result = await number(renumberAll);
    setBusy(false);
    setStep('closed');
    if (result) {
      const changed = result.numbered.filter((row) => row.number !== row.previous).length;
      notifications.show({ color: 'teal', message: t('findings.number.done', { count: changed }) });
    }
  };

  return (
    <>
      <Tooltip label={disabledReason ?? t('findings.number.help')} multiline w={280} openDelay={200}>
        <span>
          <Button variant="default" leftSection={<IconListNumbers size={16} />} disabled={disabledReason !== null} onClick={() => setStep('number')} data-testid="findings-number" aria-description={disabledReason ?? undefined}>
            {t('findings.number.button')}
          </Button>
        </span>
      </Tooltip>
      <Modal opened={step !== 'closed'} onClose={() => setStep('closed')} title={step === 'renumber' ? t('findings.number.renumberTitle') : t('findings.number.title')} size="lg" data-testid="number-modal">
        {plan && 'problem' in plan ? (
          <Alert color="red">{t('findings.number.problem')}</Alert>
        ) : plan ? (
          <Stack gap="sm">
            <Text size="sm">{step === 'renumber' ? t('findings.number.renumberIntro') : t('findings.number.intro')}</Text>
            {view.numbering.pattern.includes('{audit}') && !auditNumber.trim() ? (
              <Alert color="yellow" variant="light" p="xs" data-testid="number-no-audit-number">
                <Text size="sm">{t('findings.number.noAuditNumber', { pattern: view.numbering.pattern })}</Text>
              </Alert>
            ) : null}
            {plan.changes.length ? (
              <ScrollArea.Autosize mah={320}>
                <Table striped withTableBorder data-testid="number-changes">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('findings.number.now')}</Table.Th>
                      <Table.Th>{t('findings.number.becomes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.changes.map((change) => (
                      <Table.Tr key={change.findingId} data-testid="number-change">
                        <Table.Td ff="monospace" translate="no">
                          {change.label}
                        </Table.Td>
                        <Table.Td ff="monospace" translate="no" fw={600}>
                          {change.number || <Text span size="sm" c="dimmed" translate="yes">{t('findings.number.cleared')}</Text>}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            ) : (
              <Alert color="teal" variant="light">
                {t('findings.number.allNumbered')}
              </Alert>
            )}
            {plan.kept ? (
              <Text size="xs" c="dimmed">
                {t('findings.number.kept', { count: plan.kept })}
              </Text>
            ) : null}
            <Group justify="space-between">
              {step === 'number' ? (
                <Button variant="subtle" color="red" onClick={() => setStep('renumber')} data-testid="findings-renumber-all">
                  {t('findings.number.renumberAll')}
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button variant="default" onClick={() => setStep('closed')}>
                  {t('findings.number.cancel')}
                </Button>
                <Button
                  color={step === 'renumber' ? 'red' : undefined}
                  loading={busy}
                  disabled={!plan.changes.length}
                  onClick={() => void run(step === 'renumber')}
                  data-testid="number-confirm"
                >
                  {step === 'renumber' ? t('findings.number.renumberConfirm') : t('findings.number.confirm', { count: plan.changes.length })}
                </Button>
              </Group>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
