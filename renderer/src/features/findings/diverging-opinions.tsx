import { Button, Divider, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FindingView } from '../../../../shared/contract/finding-views.ts';
import { OPINION_STATUSES, type OpinionStatus } from '../../../../shared/findings/finding-kinds.ts';
import { showUndo } from '../../components/undo.tsx';
import { invoke } from '../../contract/client.ts';
import { useFindings } from '../../state/findings.ts';
import { useSaveStore } from '../../state/save-store.ts';

const flush = () => void useSaveStore.getState().flush();

/**
 * The auditee's diverging opinions on a finding (17021-1 9.4.8: unresolved ones go to the report):
 * the auditee's view, the team's response, resolved or not and how. Added and deleted as rows (delete
 * with undo), edited with the autosave.
 */
export function DivergingOpinions({ finding, readOnly }: { finding: FindingView; readOnly: boolean }) {
  const { t } = useTranslation();
  const addRow = useFindings((s) => s.addRow);
  const editOpinion = useFindings((s) => s.editOpinion);
  const removeRow = useFindings((s) => s.removeRow);
  const reload = useFindings((s) => s.reload);
  const handle = useFindings((s) => s.handle);
  const unresolved = finding.opinions.filter((opinion) => opinion.status === 'unresolved').length;

  const remove = async (id: string) => {
    await removeRow('diverging_opinion', id);
    if (!handle) return;
    showUndo(t, t('findings.opinions.deleted'), async () => {
      await invoke('rows:restore', { engagementHandle: handle, table: 'diverging_opinion', id });
      await reload();
    });
  };

  return (
    <Stack gap="xs" data-testid="diverging-opinions">
      <Divider label={t('findings.opinions.title')} labelPosition="left" />
      <Text size="xs" c="dimmed">
        {finding.opinions.length ? t('findings.opinions.summary', { count: finding.opinions.length, unresolved }) : t('findings.opinions.none')}
      </Text>
      {finding.opinions.map((opinion, index) => (
        <Paper key={opinion.id} withBorder p="sm" radius="sm" data-testid="diverging-opinion">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {t('findings.opinions.numbered', { number: index + 1 })}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <SegmentedControl
                  size="xs"
                  value={opinion.status}
                  onChange={(value) => (editOpinion(finding.id, opinion.id, { status: value as OpinionStatus }), flush())}
                  data={OPINION_STATUSES.map((value) => ({ value, label: t(`findings.opinions.status.${value}`) }))}
                  color={opinion.status === 'resolved' ? 'teal' : 'orange'}
                  disabled={readOnly}
                  data-testid="opinion-status"
                />
                {readOnly ? null : (
                  <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => void remove(opinion.id)}>
                    {t('findings.opinions.delete')}
                  </Button>
                )}
              </Group>
            </Group>
            <Textarea
              size="xs"
              label={t('findings.opinions.auditeeView')}
              value={opinion.auditeeView}
              onChange={(e) => editOpinion(finding.id, opinion.id, { auditee_view: e.currentTarget.value })}
              onBlur={flush}
              autosize
              minRows={2}
              maxLength={10_000}
              readOnly={readOnly}
              translate="no"
              data-testid="opinion-auditee-view"
            />
            <Textarea
              size="xs"
              label={t('findings.opinions.teamResponse')}
              value={opinion.teamResponse}
              onChange={(e) => editOpinion(finding.id, opinion.id, { team_response: e.currentTarget.value })}
              onBlur={flush}
              autosize
              minRows={1}
              maxLength={10_000}
              readOnly={readOnly}
              translate="no"
            />
            {opinion.status === 'resolved' ? (
              <TextInput
                size="xs"
                label={t('findings.opinions.resolution')}
                placeholder={t('findings.opinions.resolutionPlaceholder')}
                value={opinion.resolution}
                onChange={(e) => editOpinion(finding.id, opinion.id, { resolution: e.currentTarget.value })}
                onBlur={flush}
                maxLength={5000}
                readOnly={readOnly}
                translate="no"
              />
            ) : null}
          </Stack>
        </Paper>
      ))}
      {readOnly ? null : (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => void addRow('diverging_opinion', { finding_id: finding.id, status: 'unresolved' })}
          data-testid="opinion-add"
        >
          {t('findings.opinions.add')}
        </Button>
      )}
    </Stack>
  );
}
