import { Alert, Button, Card, Group, List, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { ClosingView } from '../../../../shared/contract/closing-views.ts';
import { STATEMENT_VERDICTS, statementGaps, verdictNeedsText, type StatementItem } from '../../../../shared/findings/audit-statements.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { intlLocale } from '../../i18n/locale.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { RecommendationCard } from '../closing/RecommendationCard.tsx';
import { saveStatement, useClosing } from '../closing/use-closing.ts';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';

interface Statement {
  readonly id: string | null;
  readonly verdict: string;
  readonly text: string;
}

const COLOURS: Record<string, string> = {
  none: 'teal',
  yes: 'teal',
  effective: 'teal',
  confirmed: 'teal',
  not_applicable: 'gray',
  identified: 'orange',
  changes: 'orange',
  effective_with_ncs: 'yellow',
  partly: 'yellow',
  limited: 'yellow',
  change_needed: 'orange',
  no: 'red',
  not_effective: 'red',
  reported: 'orange',
};

/**
 * Conclusions → Audit conclusions: what the report needs and no other screen asks (17021-1 9.4.8
 * items 8, 12, 13, 17, the conformity and effectiveness statements, scope and objectives; IAF MD 4;
 * the no-penalties statement for CBs that require it) — a verdict and a text per item, created at
 * its first edit — and the recommendation. The summary at the top names what is still empty.
 */
export function AuditConclusionsPanel() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const readOnly = current.readOnly;
  const { view, error, setError, reload } = useClosing(handle);
  const profile = useEngagementProfile(handle);
  const cbName = (profile ? textIn(profile.profile.certificationBody?.name, i18n.language, 'en') : '') || current.engagement?.certification_body || '';
  const [rows, setRows] = useState<Map<string, Statement>>(new Map());
  useEffect(() => {
    if (view) setRows(new Map(view.statements.map((row) => [row.item, { id: row.id, verdict: row.verdict, text: row.text }])));
  }, [view]);
  // Leaving the tab saves what was typed.
  useEffect(() => () => void useSaveStore.getState().flush(), []);

  const gaps = useMemo(() => (view ? statementGaps(view.items, view.items.map((item) => ({ item, verdict: rows.get(item)?.verdict ?? '', text: rows.get(item)?.text ?? '' }))) : []), [view, rows]);
  if (!view) return error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null;

  const label = (item: StatementItem) => t(`auditConclusions.items.${item === 'significant_changes' && view.auditType === 'stage2' ? 'significant_changes_stage2' : item}`);
  const list = new Intl.ListFormat(intlLocale(), { type: 'conjunction' });
  const missing = list.format(gaps.map((gap) => (gap.gap === 'text_needed' ? t('auditConclusions.textNeeded', { item: label(gap.item) }) : label(gap.item))));

  const edit = (item: StatementItem, patch: { verdict?: string; text?: string }) => {
    const before = rows.get(item) ?? { id: null, verdict: '', text: '' };
    setRows((map) => new Map(map).set(item, { ...before, ...patch }));
    if (readOnly) return;
    saveStatement(handle, item, before.id, patch).then(
      (id) => setRows((map) => new Map(map).set(item, { ...(map.get(item) ?? before), id })),
      setError,
    );
  };

  return (
    <Stack gap="md" maw={1100} data-testid="audit-conclusions">
      <Text size="sm" c="dimmed">
        {t('auditConclusions.intro')}
      </Text>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <Alert color={gaps.length ? 'yellow' : 'teal'} variant="light" data-testid="audit-conclusions-summary" data-missing={gaps.length}>
        {gaps.length ? t('auditConclusions.missing', { items: missing }) : t('auditConclusions.complete')}
      </Alert>
      {view.items.map((item) => (
        <StatementCard key={item} item={item} label={label(item)} hint={t(`auditConclusions.hints.${item === 'significant_changes' && view.auditType === 'stage2' ? 'significant_changes_stage2' : item}`)} row={rows.get(item)} view={view} readOnly={readOnly} onEdit={(patch) => edit(item, patch)} />
      ))}
      <RecommendationCard handle={handle} view={view} cbName={cbName} readOnly={readOnly} onChanged={() => void reload()} onError={setError} />
    </Stack>
  );
}

function StatementCard({ item, label, hint, row, view, readOnly, onEdit }: { item: StatementItem; label: string; hint: string; row: Statement | undefined; view: ClosingView; readOnly: boolean; onEdit: (patch: { verdict?: string; text?: string }) => void }) {
  const { t } = useTranslation();
  const verdict = row?.verdict ?? '';
  const text = row?.text ?? '';
  const facts = factsOf(item, view, t);
  const wordOf = (value: string) => (item === 'remote_auditing' ? t(`auditConclusions.remoteVerdicts.${value as 'none'}`) : t(`auditConclusions.verdicts.${value as 'none'}`));
  const needsText = verdictNeedsText(verdict) && !text.trim();
  return (
    <Card withBorder padding="md" data-testid="audit-statement" data-item={item} data-verdict={verdict}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs" gap="md">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{label}</Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
          {item === 'marks_control' && view.initialCertification ? (
            <Text size="xs" c="blue" mt={2}>
              {t('auditConclusions.notApplicableHint')}
            </Text>
          ) : null}
        </div>
        <SegmentedControl
          size="xs"
          aria-label={label}
          value={verdict}
          color={COLOURS[verdict] ?? 'gray'}
          onChange={(value) => onEdit({ verdict: value })}
          readOnly={readOnly}
          data={STATEMENT_VERDICTS[item].map((value) => ({ value, label: wordOf(value) }))}
          style={{ flexShrink: 0 }}
        />
      </Group>
      {facts ? (
        <Card withBorder padding="xs" radius="sm" mb="xs" bg="var(--mantine-color-gray-0)" data-testid="statement-facts">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="xs" fw={600} c="dimmed">
                {facts.title}
              </Text>
              {facts.lines.length ? (
                <List size="xs" spacing={0}>
                  {facts.lines.map((line, index) => (
                    <List.Item key={index}>
                      <span translate={line.data ? 'no' : undefined}>{line.text}</span>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="xs" c="dimmed">
                  {facts.empty}
                </Text>
              )}
            </div>
            {facts.lines.length && !readOnly ? (
              <Button size="compact-xs" variant="light" leftSection={<IconArrowDown size={12} />} onClick={() => onEdit({ text: [text.trimEnd(), ...facts.lines.map((line) => line.text)].filter(Boolean).join('\n') })} data-testid="statement-prefill" style={{ flexShrink: 0 }}>
                {t('auditConclusions.prefill')}
              </Button>
            ) : null}
          </Group>
        </Card>
      ) : null}
      <Textarea
        aria-label={label}
        placeholder={t('auditConclusions.textPlaceholder')}
        value={text}
        onChange={(event) => onEdit({ text: event.currentTarget.value })}
        onBlur={() => void useSaveStore.getState().flush()}
        error={needsText ? t('auditConclusions.needsText') : null}
        autosize
        minRows={2}
        maxRows={10}
        readOnly={readOnly}
        translate="no"
        data-testid="statement-text"
      />
    </Card>
  );
}

/** Facts from elsewhere in the file that an item's text can start from: remote sessions (MD 4), unresolved diverging opinions. */
interface Facts {
  readonly title: string;
  /** Each line, and whether it is the user's own text (not translated: translate="no"). */
  readonly lines: readonly { readonly text: string; readonly data: boolean }[];
  readonly empty: string;
}

function factsOf(item: StatementItem, view: ClosingView, t: TFunction): Facts | null {
  if (item === 'remote_auditing') {
    const { remote } = view;
    const words = (text: string) => ({ text, data: false });
    const lines = remote.remote
      ? [
          words(t('auditConclusions.remoteFacts', { remote: remote.remote, held: remote.held })),
          ...(remote.tools.length ? [{ text: t('auditConclusions.remoteTools', { tools: remote.tools.join(t('common.listSeparator')) }), data: true }] : []),
          words(t('auditConclusions.remoteRated', { effective: remote.effectiveness.effective, partly: remote.effectiveness.partly_effective, not: remote.effectiveness.not_effective, notAssessed: remote.effectiveness.not_assessed })),
          ...remote.notes.map((note) => ({ text: note, data: true })),
        ]
      : [];
    return { title: t('auditConclusions.facts'), lines, empty: t('auditConclusions.remoteNone') };
  }
  if (item === 'unresolved_issues') {
    const lines = view.unresolvedOpinions.map((opinion) => ({ text: t('auditConclusions.opinionLine', { label: opinion.findingLabel, view: opinion.auditeeView }), data: true }));
    return { title: t('auditConclusions.opinions'), lines, empty: t('auditConclusions.noOpinions') };
  }
  return null;
}
