import type { TFunction } from 'i18next';
import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictCandidateView, ConflictItemView } from '../../../../shared/contract/team-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';

function valueText(conflict: ConflictItemView, candidate: ConflictCandidateView, t: TFunction): string {
  if (conflict.field === 'deleted') return candidate.value === true ? t('team.deleteRow') : t('team.keepRow');
  const text = String(candidate.value ?? '');
  return text === '' ? t('common.notSet') : text;
}

/**
 * Open conflicts, candidates side by side with their authors and times. The lead keeps one per
 * conflict, or decides many at once; each decision is a change with its author.
 */
export function ConflictsPanel({
  conflicts,
  handle,
  onDecided,
  readOnly,
}: {
  conflicts: ConflictItemView[];
  handle: string;
  onDecided: () => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const authors = [...new Set(conflicts.flatMap((c) => c.candidates.map((x) => x.actorName)))];

  async function decide(decisions: { conflict: ConflictItemView; candidate: ConflictCandidateView }[]) {
    setBusy(true);
    setError(null);
    try {
      await invoke('team:decide', {
        engagementHandle: handle,
        decisions: decisions.map(({ conflict, candidate }) => ({
          entity: conflict.entity,
          rowId: conflict.rowId,
          field: conflict.field,
          replicaId: candidate.replicaId,
          seq: candidate.seq,
        })),
      });
      onDecided();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fieldLabel = (conflict: ConflictItemView) =>
    conflict.field === 'deleted' ? t('team.rowDeletedWhileEdited') : t(`team.field.${conflict.field}`, { defaultValue: conflict.field });

  return (
    <Card withBorder padding="lg" data-testid="conflicts">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('team.conflictsTitle', { count: conflicts.length })}</Title>
        {conflicts.length > 1 && !readOnly ? (
          <Group gap="xs">
            <Button size="xs" variant="light" loading={busy} onClick={() => void decide(conflicts.map((c) => ({ conflict: c, candidate: c.candidates.find((x) => x.shown)! })))}>
              {t('team.keepShownForAll')}
            </Button>
            {authors.map((author) => (
              <Button
                key={author}
                size="xs"
                variant="default"
                loading={busy}
                onClick={() =>
                  void decide(
                    conflicts
                      .map((c) => ({ conflict: c, candidate: c.candidates.find((x) => x.actorName === author) }))
                      .filter((d): d is { conflict: ConflictItemView; candidate: ConflictCandidateView } => Boolean(d.candidate)),
                  )
                }
              >
                {t('team.keepAllOf', { name: author })}
              </Button>
            ))}
          </Group>
        ) : null}
      </Group>
      {error ? <ErrorNotice error={error} /> : null}
      <Stack>
        {conflicts.map((conflict) => (
          <Paper key={`${conflict.entity}:${conflict.rowId}:${conflict.field}`} withBorder p="sm" radius="sm" data-testid="conflict">
            <Text size="sm" fw={600}>
              {t(`team.entity.${conflict.entity}`, { defaultValue: conflict.entity })} · {conflict.rowLabel} · {fieldLabel(conflict)}
            </Text>
            <SimpleGrid cols={{ base: 1, md: Math.min(conflict.candidates.length, 3) }} mt="xs">
              {conflict.candidates.map((candidate) => (
                <Paper key={`${candidate.replicaId}:${candidate.seq}`} bg="gray.0" p="sm" radius="sm" data-testid="candidate">
                  <Stack gap={6}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {valueText(conflict, candidate, t)}
                    </Text>
                    <Group gap={6}>
                      <Badge variant="light" size="sm" data-testid="candidate-author">
                        {candidate.actorName}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {formatInstant(candidate.wallTime)}
                      </Text>
                      {candidate.clockAhead ? <IconClockExclamation size={14} color="var(--mantine-color-yellow-7)" /> : null}
                      {candidate.shown ? (
                        <Badge variant="outline" color="gray" size="xs">
                          {t('team.shownNow')}
                        </Badge>
                      ) : null}
                    </Group>
                    {!readOnly ? (
                      <Button size="xs" variant="light" loading={busy} onClick={() => void decide([{ conflict, candidate }])}>
                        {t('team.keepThis')}
                      </Button>
                    ) : null}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}
