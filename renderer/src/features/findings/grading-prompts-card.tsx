import { ActionIcon, Alert, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingView, FindingsView } from '../../../../shared/contract/finding-views.ts';
import type { GradingPrompt } from '../../../../shared/findings/grading-prompts.ts';
import { useFindings } from '../../state/findings.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { ReasonModal } from './dismiss-modal.tsx';

/**
 * The grading prompts of one finding (shared/findings/grading-prompts.ts): what to look at before the
 * grade is final. Each says what to do; "Keep the grade…" overrides it with a reason (kept as a
 * finding_dismissal with part 'grade'), and an overridden prompt stays listed with its reason.
 */
export function GradingPrompts({ finding, prompts, view, isLead, readOnly }: { finding: FindingView; prompts: readonly GradingPrompt[]; view: FindingsView; isLead: boolean; readOnly: boolean }) {
  const { t } = useTranslation();
  const addRow = useFindings((s) => s.addRow);
  const removeRow = useFindings((s) => s.removeRow);
  const edit = useFindings((s) => s.edit);
  const [overriding, setOverriding] = useState<GradingPrompt | null>(null);
  if (!prompts.length) return null;
  const labelOf = (id: string) => view.findings.find((other) => other.id === id)?.label ?? '';

  const message = (prompt: GradingPrompt): string => {
    switch (prompt.code) {
      case 'major_without_rationale':
        return t('findings.prompts.major_without_rationale');
      case 'consider_major':
        return prompt.count >= 2
          ? t('findings.prompts.consider_major', { clause: prompt.subject, n: prompt.count, others: prompt.related.map(labelOf).join(t('common.listSeparator')) })
          : t('findings.prompts.consider_major_sites', { clause: prompt.subject, sites: prompt.sites });
      case 'repeats_earlier_nc':
        return t('findings.prompts.repeats_earlier_nc', { number: prompt.related[0] ?? '' });
      case 'answer_says_nonconformity':
        return t('findings.prompts.answer_says_nonconformity');
    }
  };
  // Only the lead decides on "consider one major"; a rationale is written, not overridden.
  const canOverride = (prompt: GradingPrompt) => !readOnly && prompt.code !== 'major_without_rationale' && (!prompt.forLead || isLead);

  return (
    <Stack gap={6} data-testid="grading-prompts">
      {prompts.map((prompt) => {
        const dismissal = finding.dismissals.find((row) => row.part === 'grade' && row.code === prompt.code && row.subject === prompt.subject);
        const open = prompt.dismissedReason === null;
        return (
          <Alert
            key={`${prompt.code}:${prompt.subject}`}
            color={open ? 'orange' : 'gray'}
            variant={open ? 'light' : 'outline'}
            p="xs"
            icon={<IconScale size={16} />}
            data-testid="grading-prompt"
            data-code={prompt.code}
            data-open={open}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" c={open ? undefined : 'dimmed'}>
                  {message(prompt)}
                </Text>
                {open ? null : (
                  <Text size="xs" c="dimmed" fs="italic">
                    {t('findings.prompts.overridden', { reason: prompt.dismissedReason })}
                  </Text>
                )}
              </div>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                {open && prompt.code === 'repeats_earlier_nc' && !readOnly ? (
                  <Button size="compact-xs" variant="light" onClick={() => (edit(finding.id, { repeat_of: prompt.subject }), void useSaveStore.getState().flush())} data-testid="prompt-link-repeat">
                    {t('findings.prompts.linkRepeat', { number: prompt.related[0] ?? '' })}
                  </Button>
                ) : null}
                {open && canOverride(prompt) ? (
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setOverriding(prompt)} data-testid="prompt-override">
                    {t('findings.prompts.override')}
                  </Button>
                ) : null}
                {!open && dismissal && canOverride(prompt) ? (
                  <Tooltip label={t('findings.prompts.reopen')} openDelay={300}>
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('findings.prompts.reopen')} onClick={() => void removeRow('finding_dismissal', dismissal.id)}>
                      <IconArrowBackUp size={14} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
            </Group>
          </Alert>
        );
      })}
      <ReasonModal
        opened={overriding !== null}
        title={t('findings.prompts.overrideTitle')}
        what={overriding ? message(overriding) : ''}
        confirm={t('findings.prompts.overrideConfirm')}
        onCancel={() => setOverriding(null)}
        onConfirm={(reason) => {
          const prompt = overriding!;
          setOverriding(null);
          void addRow('finding_dismissal', { finding_id: finding.id, part: 'grade', code: prompt.code, subject: prompt.subject, reason });
        }}
      />
    </Stack>
  );
}
