import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { ClosingView } from '../../../../shared/contract/closing-views.ts';
import { overrideNeedsReason } from '../../../../shared/findings/recommendation.ts';
import { showUndo } from '../../components/undo.tsx';
import { writeStatementNow } from './use-closing.ts';

const OUTCOME_COLOURS = { positive: 'teal', conditional: 'yellow', negative: 'red' } as const;

/**
 * The audit team's recommendation (17021-1 9.4.8 item 16): the suggestion from the open findings in
 * the CB profile's wording, confirmed with one click or replaced by another wording with a reason
 * (required when it differs), and always stated as subject to the certification body's decision.
 * Stored as the audit statement 'recommendation'; a change can be undone from its toast.
 */
export function RecommendationCard({ handle, view, cbName, readOnly, onChanged, onError }: { handle: string; view: ClosingView; cbName: string; readOnly: boolean; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const { suggestion, stored } = view.recommendation;
  const wordingOf = (key: string | null | undefined) => suggestion.choices.find((choice) => choice.key === key) ?? view.recommendation.wordings.find((choice) => choice.key === key);
  const say = (key: string | null | undefined) => textIn(wordingOf(key)?.text, i18n.language, 'en');
  const [choice, setChoice] = useState<string | null>(stored?.verdict || null);
  const [reason, setReason] = useState(stored?.reason ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setChoice(stored?.verdict || null);
    setReason(stored?.reason ?? '');
  }, [stored?.id, stored?.verdict, stored?.reason]);

  const needsReason = overrideNeedsReason(suggestion, choice);
  const dirty = (choice ?? '') !== (stored?.verdict ?? '') || (needsReason ? reason.trim() : '') !== (stored?.reason ?? '');
  const storedOverrides = stored ? overrideNeedsReason(suggestion, stored.verdict) : false;

  async function record(verdict: string, why: string) {
    const before = stored ? { verdict: stored.verdict, reason: stored.reason } : null;
    setBusy(true);
    try {
      const id = await writeStatementNow(handle, 'recommendation', stored?.id ?? null, { verdict, reason: why });
      onChanged();
      showUndo(t, t('closing.recommendation.undoChoice'), async () => {
        await writeStatementNow(handle, 'recommendation', id, before ?? { verdict: '', reason: '' }).catch(onError);
        onChanged();
      });
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  }

  function save() {
    setTried(true);
    if (!choice) return;
    if (needsReason && !reason.trim()) return;
    void record(choice, needsReason ? reason.trim() : '');
  }

  const basisKey = suggestion.basis === 'open_major' && suggestion.suspension ? 'open_major_suspension' : suggestion.basis === 'stage1_ready' && suggestion.areasOfConcern > 0 ? 'stage1_ready_concerns' : suggestion.basis;
  const cb = cbName.trim() || t('closing.recommendation.theCb');

  return (
    <Card withBorder padding="lg" data-testid="recommendation" data-suggested={suggestion.key ?? ''} data-stored={stored?.verdict ?? ''}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={4}>{t('closing.recommendation.title')}</Title>
        {stored?.verdict ? (
          <Badge color={storedOverrides ? 'orange' : 'teal'} variant="light" leftSection={<IconCheck size={12} />}>
            {storedOverrides ? t('closing.recommendation.overrides') : t('closing.recommendation.confirmed')}
          </Badge>
        ) : null}
      </Group>
      <Stack gap="sm">
        <div data-testid="recommendation-suggestion">
          <Group gap="xs">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t('closing.recommendation.suggested')}
            </Text>
            {suggestion.suspension ? (
              <Badge color="red" variant="filled" size="sm" data-testid="recommendation-suspension">
                {t('closing.recommendation.suspension')}
              </Badge>
            ) : null}
          </Group>
          {suggestion.key ? (
            <Text fw={600} translate="no" style={{ borderLeft: `4px solid var(--mantine-color-${OUTCOME_COLOURS[suggestion.outcome ?? 'positive']}-6)`, paddingLeft: 8 }}>
              {say(suggestion.key)}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t(`closing.recommendation.basis.${basisKey}`, { majors: suggestion.openMajors, minors: suggestion.openMinors, count: suggestion.areasOfConcern })}
          </Text>
        </div>
        {suggestion.choices.length ? (
          <Radio.Group label={t('closing.recommendation.choose')} value={choice} onChange={(value) => (setChoice(value), setTried(false))} data-testid="recommendation-choices">
            <Stack gap={6} mt={6}>
              {suggestion.choices.map((wording) => (
                <Radio
                  key={wording.key}
                  value={wording.key}
                  disabled={readOnly}
                  data-testid="recommendation-choice"
                  data-key={wording.key}
                  label={
                    <Text size="sm" translate="no" fw={wording.key === suggestion.key ? 600 : 400}>
                      {textIn(wording.text, i18n.language, 'en')}
                    </Text>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        {needsReason ? (
          <Textarea
            label={t('closing.recommendation.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && !reason.trim() ? t('closing.recommendation.reasonRequired') : null}
            autosize
            minRows={2}
            maxLength={2000}
            readOnly={readOnly}
            data-testid="recommendation-reason"
          />
        ) : null}
        {!readOnly ? (
          <Group gap="xs">
            {suggestion.key && (stored?.verdict !== suggestion.key || storedOverrides) ? (
              <Button size="xs" variant="light" onClick={() => (setChoice(suggestion.key), void record(suggestion.key!, ''))} loading={busy} data-testid="recommendation-confirm">
                {t('closing.recommendation.confirm')}
              </Button>
            ) : null}
            {dirty && choice ? (
              <Button size="xs" onClick={save} loading={busy} data-testid="recommendation-save">
                {t('closing.recommendation.record')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {!stored?.verdict ? (
          <Text size="sm" c="orange" data-testid="recommendation-not-chosen">
            {t('closing.recommendation.notChosen')}
          </Text>
        ) : null}
        {stored?.verdict ? (
          <Alert variant="light" color="gray" data-testid="recommendation-stated">
            <Text size="sm" fw={600} translate="no">
              {say(stored.verdict)}
            </Text>
            {stored.reason ? (
              <Text size="sm" c="dimmed" translate="no">
                {stored.reason}
              </Text>
            ) : null}
            <Text size="sm" mt={4}>
              {t('closing.recommendation.subjectTo', { cb })}
            </Text>
          </Alert>
        ) : (
          <Text size="xs" c="dimmed">
            {t('closing.recommendation.subjectTo', { cb })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
