import { ActionIcon, Badge, Button, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconInfoCircle } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../../shared/cb-profile/profile.ts';
import type { FindingView } from '../../../../shared/contract/finding-views.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useFindings } from '../../state/findings.ts';
import { ReasonModal } from './dismiss-modal.tsx';
import { statementWarnings, type CheckedWarning } from './finding-checks.ts';

const STATEMENT_CHARS = 20_000;
const flush = () => void useSaveStore.getState().flush();

/**
 * One part of a finding's statement. The requirement is quoted as written (no check: "shall" / 应
 * belong there); the objective evidence and what is not fulfilled are checked live as they are typed
 * (shared/findings/statement-check.ts), the warnings listed under the field with the words that raised
 * them. Dismissing one asks for the reason and keeps it; a dismissed warning stays listed as dismissed.
 */
export function StatementField({
  finding,
  grades,
  part,
  label,
  description,
  placeholder,
  readOnly,
}: {
  finding: FindingView;
  grades: readonly Grade[];
  part: 'requirement' | 'evidence' | 'not_fulfilled';
  label: ReactNode;
  description: ReactNode;
  placeholder: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const edit = useFindings((s) => s.edit);
  const addRow = useFindings((s) => s.addRow);
  const removeRow = useFindings((s) => s.removeRow);
  const value = part === 'requirement' ? finding.requirement : part === 'evidence' ? finding.evidence : finding.notFulfilled;
  const [dismissing, setDismissing] = useState<CheckedWarning | null>(null);
  // The check runs on the text as it settles between keystrokes (React defers it behind typing).
  const evidence = useDeferredValue(finding.evidence);
  const notFulfilled = useDeferredValue(finding.notFulfilled);
  const warnings = useMemo(
    () => (part === 'requirement' ? [] : statementWarnings(finding, grades, { evidence, notFulfilled }).filter((warning) => warning.part === part)),
    // The finding's grade and dismissals decide too; its texts come deferred.
    [part, finding.grade, finding.dismissals, grades, evidence, notFulfilled],
  );
  const tooLong = value.length >= STATEMENT_CHARS;

  return (
    <Stack gap={4} data-testid={`statement-${part}`}>
      <Textarea
        label={label}
        description={description}
        placeholder={placeholder}
        value={value}
        onChange={(e) => edit(finding.id, { [part]: e.currentTarget.value.slice(0, STATEMENT_CHARS) })}
        onBlur={flush}
        autosize
        minRows={2}
        maxRows={12}
        readOnly={readOnly}
        error={tooLong ? t('findings.editor.tooLong', { max: STATEMENT_CHARS.toLocaleString() }) : null}
        translate="no"
        data-testid={`statement-${part}-input`}
      />
      {warnings.length ? (
        <Stack gap={4} role="list" aria-label={t('findings.check.label')} data-testid={`statement-${part}-warnings`}>
          {warnings.map((warning) => (
            <Group key={`${warning.code}:${warning.text.toLowerCase()}`} gap={6} wrap="nowrap" role="listitem" data-testid="statement-warning" data-code={warning.code} data-dismissed={Boolean(warning.dismissal)} align="flex-start">
              <Badge size="sm" variant={warning.dismissal ? 'outline' : 'light'} color={warning.dismissal ? 'gray' : 'orange'} tt="none" style={{ flexShrink: 0 }} translate="no">
                «{warning.text}»
              </Badge>
              <Text size="xs" c={warning.dismissal ? 'dimmed' : 'orange.9'} style={{ flex: 1, minWidth: 0 }} td={warning.dismissal ? undefined : undefined}>
                {t(`findings.check.${warning.code}`)}
                {warning.dismissal ? (
                  <>
                    {' — '}
                    <Text span size="xs" fs="italic">
                      {t('findings.check.dismissed', { reason: warning.dismissal.reason })}
                    </Text>
                  </>
                ) : null}
              </Text>
              {readOnly ? null : warning.dismissal ? (
                <Tooltip label={t('findings.check.restore')} openDelay={300}>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('findings.check.restore')} onClick={() => void removeRow('finding_dismissal', warning.dismissal!.id)} data-testid="warning-restore">
                    <IconArrowBackUp size={14} />
                  </ActionIcon>
                </Tooltip>
              ) : (
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDismissing(warning)} data-testid="warning-dismiss" style={{ flexShrink: 0 }}>
                  {t('findings.check.dismiss')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      ) : part !== 'requirement' && value.trim() ? (
        <Group gap={4} c="teal.8">
          <IconInfoCircle size={12} />
          <Text size="xs" c="teal.8" data-testid={`statement-${part}-clean`}>
            {t('findings.check.clean')}
          </Text>
        </Group>
      ) : null}
      <ReasonModal
        opened={dismissing !== null}
        title={t('findings.dismiss.title')}
        what={dismissing ? t('findings.dismiss.what', { words: dismissing.text, warning: t(`findings.check.${dismissing.code}`) }) : ''}
        confirm={t('findings.dismiss.confirm')}
        onCancel={() => setDismissing(null)}
        onConfirm={(reason) => {
          const warning = dismissing!;
          setDismissing(null);
          void addRow('finding_dismissal', { finding_id: finding.id, part, code: warning.code, subject: warning.text.slice(0, 200), reason });
        }}
      />
    </Stack>
  );
}
