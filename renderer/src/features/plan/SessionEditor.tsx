import { ActionIcon, Button, Drawer, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { IconCopy, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_SESSION_KINDS } from '../../../../shared/plan/plan-kinds.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { topicLabel } from './plan-words.ts';
import { changeSessionLinks, linkChange } from './plan-links.ts';
import { AttendancePanel } from './AttendancePanel.tsx';
import { OnTheDayPanel } from './OnTheDayPanel.tsx';
import type { PlanSession } from './plan-types.ts';
import type { AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

/** The drawer's tabs: the session as planned, what happened on the day, and a meeting's attendance. */
export type EditorTab = 'plan' | 'day' | 'attendance';

type SessionField = 'day' | 'start_time' | 'end_time' | 'kind' | 'title' | 'site_id' | 'remote' | 'remote_tool' | 'identity_check' | 'remote_fallback' | 'notes';

/**
 * One session, edited in a drawer beside the plan: its fields save themselves like every field
 * (500 ms after typing, or on leaving it); what it covers and who is in it are link rows, written
 * as soon as they are chosen. The checks on the plan follow every change. Beside the plan, "On the
 * day" records what happened, and an opening or closing meeting has its attendance (and the
 * opening meeting its points); only the shown tab is mounted.
 */
export function SessionEditor({
  plan,
  asRan,
  session,
  issues,
  tab,
  onTab,
  onClose,
  onDuplicate,
  onDelete,
  onPrint,
}: {
  plan: Plan;
  asRan: AsRan;
  session: PlanSession | null;
  issues: readonly string[];
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  onClose: () => void;
  onDuplicate: (session: PlanSession) => void;
  onDelete: (session: PlanSession) => void;
  onPrint: (session: PlanSession) => void;
}) {
  const { t, i18n } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [edited, setEdited] = useState<Partial<PlanSession>>({});
  const [newAuditee, setNewAuditee] = useState({ name: '', role: '' });
  useEffect(() => setEdited({}), [session?.id]);
  if (!session) return <Drawer opened={false} onClose={onClose} />;

  const { handle, readOnly, rows, pack, team, services, sites } = plan;
  const value = <F extends SessionField>(field: F): PlanSession[F] => (field in edited ? (edited[field] as PlanSession[F]) : session[field]);
  const change = <F extends SessionField>(field: F, next: PlanSession[F], immediately = false) => {
    setEdited((all) => ({ ...all, [field]: next }));
    // Kept on screen until it is a date or a time (a half-cleared time input gives ''): never queued invalid.
    if (field === 'day' && !/^\d{4}-\d{2}-\d{2}$/.test(String(next))) return;
    if ((field === 'start_time' || field === 'end_time') && !/^\d\d:\d\d$/.test(String(next))) return;
    queueRow(handle, 'plan_session', session.id, { [field]: next });
    if (immediately) void flush().then(plan.reload);
  };
  const blur = () => void flush().then(plan.reload);
  const links = <T extends { session_id: string }>(list: readonly T[]) => list.filter((link) => link.session_id === session.id);
  const relink = (promise: Promise<void>) => promise.then(plan.reload, plan.setError);

  const topicValues = [...new Set(links(rows.topics).map((link) => `${link.kind === 'process' ? 'p' : 'c'}:${link.topic}`))];
  const topicData = pack
    ? [
        { group: t('plan.edit.processes'), items: pack.processes.map((process) => ({ value: `p:${process.key}`, label: topicLabel('process', process.key, pack, i18n.language) })) },
        {
          group: t('plan.edit.clauses'),
          items: pack.clauses
            .filter((clause) => /^\d+(\.\d+)?$/.test(clause.number))
            .map((clause) => ({ value: `c:${clause.number}`, label: topicLabel('clause', clause.number, pack, i18n.language) })),
        },
      ]
    : [];
  const memberValues = [...new Set(links(rows.members).map((link) => link.team_member_id))];
  const serviceValues = [...new Set(links(rows.services).map((link) => link.service_id))];
  const auditees = links(rows.auditees);

  async function addAuditee() {
    if (!newAuditee.name.trim()) return;
    try {
      await invoke('rows:create', { engagementHandle: handle, table: 'plan_session_auditee', values: { session_id: session!.id, name: newAuditee.name.trim(), role: newAuditee.role.trim() } });
      setNewAuditee({ name: '', role: '' });
      plan.reload();
    } catch (failure) {
      plan.setError(failure);
    }
  }

  const remote = value('remote') === 1;
  const meeting = session.kind === 'opening' || session.kind === 'closing';
  const shown: EditorTab = tab === 'attendance' && !meeting ? 'plan' : session.kind === 'break' && tab === 'day' ? 'plan' : tab;
  return (
    <Drawer opened onClose={onClose} position="right" size={shown === 'attendance' ? 860 : 540} title={t('plan.edit.title')} data-testid="session-editor" trapFocus={false}>
      <Tabs value={shown} onChange={(next) => next && onTab(next as EditorTab)} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="plan" data-testid="editor-tab-plan">
            {t('plan.editTabs.plan')}
          </Tabs.Tab>
          {session.kind !== 'break' ? (
            <Tabs.Tab value="day" data-testid="editor-tab-day">
              {t('plan.editTabs.day')}
            </Tabs.Tab>
          ) : null}
          {meeting ? (
            <Tabs.Tab value="attendance" data-testid="editor-tab-attendance">
              {t(session.kind === 'opening' ? 'plan.editTabs.attendanceOpening' : 'plan.editTabs.attendance')}
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        {/* Only the shown panel is in the page: an empty panel is still labelled by its tab, and
            "On the day" would answer a search for the plan's "Day" field. */}
        {shown === 'day' ? (
          <Tabs.Panel value="day">
            <OnTheDayPanel plan={plan} asRan={asRan} session={session} />
          </Tabs.Panel>
        ) : null}
        {shown === 'attendance' ? (
          <Tabs.Panel value="attendance">
            <AttendancePanel plan={plan} asRan={asRan} session={session} onPrint={() => onPrint(session)} />
          </Tabs.Panel>
        ) : null}
        {shown === 'plan' ? (
          <Tabs.Panel value="plan">
            <Stack gap="sm">
              {issues.length ? (
                <Stack gap={2} data-testid="session-issues">
                  {issues.map((issue) => (
                    <Text key={issue} size="sm" c="red.7">
                      {issue}
                    </Text>
                  ))}
                </Stack>
              ) : null}
              <Select
                label={t('plan.edit.kind')}
                data={PLAN_SESSION_KINDS.map((kind) => ({ value: kind, label: t(`plan.kind.${kind}`) }))}
                value={value('kind')}
                onChange={(next) => next && change('kind', next as PlanSession['kind'], true)}
                allowDeselect={false}
                readOnly={readOnly}
              />
              <TextInput label={t('plan.edit.name')} placeholder={t('plan.edit.namePlaceholder')} value={value('title')} onChange={(e) => change('title', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} data-autofocus />
              <SimpleGrid cols={3}>
                <TextInput type="date" label={t('plan.edit.day')} value={value('day')} onChange={(e) => change('day', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} />
                <TextInput type="time" label={t('plan.edit.start')} value={value('start_time')} onChange={(e) => change('start_time', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} />
                <TextInput type="time" label={t('plan.edit.end')} value={value('end_time')} onChange={(e) => change('end_time', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} />
              </SimpleGrid>
              {value('kind') !== 'break' ? (
                <>
                  <Group align="flex-end" grow>
                    <Select
                      label={t('plan.edit.site')}
                      data={sites.map((site) => ({ value: site.id, label: site.name }))}
                      value={value('site_id')}
                      onChange={(next) => change('site_id', next, true)}
                      clearable
                      readOnly={readOnly}
                      disabled={remote}
                    />
                    <Switch label={t('plan.edit.remote')} checked={remote} onChange={(e) => change('remote', e.currentTarget.checked ? 1 : 0, true)} disabled={readOnly} mb={8} />
                  </Group>
                  {remote ? (
                    <Stack gap="xs">
                      <TextInput label={t('plan.edit.remoteTool')} placeholder={t('plan.edit.remoteToolPlaceholder')} value={value('remote_tool')} onChange={(e) => change('remote_tool', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} />
                      <TextInput label={t('plan.edit.identityCheck')} placeholder={t('plan.edit.identityCheckPlaceholder')} value={value('identity_check')} onChange={(e) => change('identity_check', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} />
                      <TextInput label={t('plan.edit.fallback')} placeholder={t('plan.edit.fallbackPlaceholder')} value={value('remote_fallback')} onChange={(e) => change('remote_fallback', e.currentTarget.value)} onBlur={blur} readOnly={readOnly} />
                    </Stack>
                  ) : null}
                  <MultiSelect
                    label={t('plan.edit.team')}
                    data={team.map((member) => ({ value: member.id, label: `${member.name} · ${t(`teamRole.${member.role}`)}` }))}
                    value={memberValues}
                    onChange={(next) => void relink(changeSessionLinks(handle, 'plan_session_member', session.id, 'team_member_id', linkChange(memberValues, next)))}
                    readOnly={readOnly}
                    searchable
                  />
                  <MultiSelect
                    label={t('plan.edit.topics')}
                    placeholder={topicValues.length ? undefined : t('plan.edit.topicsPlaceholder')}
                    data={topicData}
                    value={topicValues}
                    onChange={(next) =>
                      void relink(
                        changeSessionLinks(handle, 'plan_session_topic', session.id, 'topic', linkChange(topicValues.map((item) => item.slice(2)), next.map((item) => item.slice(2))), (topic) => ({
                          kind: /^\d/.test(topic) ? 'clause' : 'process',
                        })),
                      )
                    }
                    readOnly={readOnly}
                    searchable
                    maxDropdownHeight={320}
                  />
                  {services.length ? (
                    <MultiSelect
                      label={t('plan.edit.services')}
                      data={services.map((service) => ({ value: service.id, label: service.name }))}
                      value={serviceValues}
                      onChange={(next) => void relink(changeSessionLinks(handle, 'plan_session_service', session.id, 'service_id', linkChange(serviceValues, next)))}
                      readOnly={readOnly}
                    />
                  ) : null}
                  <div>
                    <Text size="sm" fw={500} mb={4}>
                      {t('plan.edit.auditees')}
                    </Text>
                    <Stack gap={4}>
                      {auditees.map((auditee) => (
                        <Group key={auditee.id} gap="xs" wrap="nowrap" data-testid="auditee">
                          <Text size="sm" style={{ flex: 1 }} translate="no">
                            {auditee.name}
                            {auditee.role ? <Text span c="dimmed"> · {auditee.role}</Text> : null}
                          </Text>
                          {!readOnly ? (
                            <ActionIcon variant="subtle" color="gray" aria-label={t('plan.edit.removeAuditee', { name: auditee.name })} onClick={() => void invoke('rows:delete', { engagementHandle: handle, table: 'plan_session_auditee', id: auditee.id }).then(plan.reload, plan.setError)}>
                              <IconX size={14} />
                            </ActionIcon>
                          ) : null}
                        </Group>
                      ))}
                      {!readOnly ? (
                        <form onSubmit={(e) => (e.preventDefault(), void addAuditee())}>
                          <Group gap="xs" align="flex-end" wrap="nowrap">
                            <TextInput size="xs" label={t('plan.edit.auditeeName')} value={newAuditee.name} onChange={(e) => setNewAuditee({ ...newAuditee, name: e.currentTarget.value })} style={{ flex: 1 }} />
                            <TextInput size="xs" label={t('plan.edit.auditeeRole')} value={newAuditee.role} onChange={(e) => setNewAuditee({ ...newAuditee, role: e.currentTarget.value })} style={{ flex: 1 }} />
                            <Button type="submit" size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={!newAuditee.name.trim()}>
                              {t('plan.edit.addAuditee')}
                            </Button>
                          </Group>
                        </form>
                      ) : null}
                    </Stack>
                  </div>
                </>
              ) : null}
              <Textarea label={t('plan.edit.notes')} value={value('notes')} onChange={(e) => change('notes', e.currentTarget.value)} onBlur={blur} autosize minRows={2} readOnly={readOnly} />
            </Stack>
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <Group justify="space-between" mt="md">
        {!readOnly ? (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => onDuplicate(session)}>
              {t('plan.duplicate')}
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => onDelete(session)}>
              {t('plan.delete')}
            </Button>
          </Group>
        ) : (
          <span />
        )}
        <Button onClick={onClose}>{t('plan.edit.close')}</Button>
      </Group>
    </Drawer>
  );
}
