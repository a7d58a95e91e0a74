import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditType } from '../../../../shared/engagement.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { requestedTab, useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useEngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { AuditConclusionsPanel } from './AuditConclusionsPanel.tsx';
import { ScopePanel } from './ScopePanel.tsx';
import { Stage1Panel } from './Stage1Panel.tsx';
import { SurveillancePanel } from './SurveillancePanel.tsx';
import { TopicsPanel } from './TopicsPanel.tsx';
import { useConclusionsData } from './use-conclusions-data.ts';

type ConclusionsTab = 'stage1' | 'topics' | 'surveillance' | 'scope' | 'audit';

/** The tabs an audit type has: stage 1 leads with its own conclusions; a surveillance adds the items it must cover; every audit ends with the audit conclusions and the recommendation. */
export function tabsFor(auditType: AuditType | undefined): ConclusionsTab[] {
  if (auditType === 'stage1') return ['stage1', 'topics', 'scope', 'audit'];
  if (auditType === 'surveillance1' || auditType === 'surveillance2') return ['topics', 'surveillance', 'scope', 'audit'];
  return ['topics', 'scope', 'audit'];
}

/**
 * Conclusions (Alt+9): per process and clause group, conforming or not and the conclusion written
 * from the draft narrative (with the five-point grid when the CB profile asks for it); scope
 * verification; the surveillance items at a surveillance; at stage 1 the document review,
 * readiness and the stage 2 focus. Alt+Shift+1–3 switch tabs; only the shown tab is mounted, so
 * its keys are the only ones listening.
 */
export function ConclusionsSection() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const engagement = current.engagement;
  const auditType = engagement?.audit_type;
  const tabs = tabsFor(auditType);
  const [chosen, setTab] = useState<ConclusionsTab>(() => requestedTab(tabs, tabs[0]!));
  const tab = tabs.includes(chosen) ? chosen : tabs[0]!;
  const profile = useEngagementProfile(handle);
  const form = useEngagementForm();
  const { data, error, setError } = useConclusionsData(handle, engagement?.checklist_pack_id ?? null);
  const records = useFieldworkRecords((s) => s.records);
  const recordsError = useFieldworkRecords((s) => s.error);
  useGuardedHotkeys(tabs.map((name, index): [string, () => void] => [`alt+shift+${index + 1}`, () => setTab(name)]));
  // Esc in a field of the section leaves it, so the one-key shortcuts (↑↓, E, N) work again.
  const root = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const leave = (event: KeyboardEvent) => {
      const active = document.activeElement;
      if (event.key === 'Escape' && !event.isComposing && active instanceof HTMLElement && active !== document.body && root.current?.contains(active)) active.blur();
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, []);

  const intro = auditType === 'stage1' ? t('conclusions.introStage1') : tabs.includes('surveillance') ? t('conclusions.introSurveillance') : t('conclusions.intro');
  const failure = error ?? recordsError;
  return (
    <Stack gap="md" ref={root}>
      <div>
        <Title order={2}>{t('conclusions.title')}</Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      </div>
      {failure ? <ErrorNotice error={failure} onClose={() => setError(null)} /> : null}
      {data && records ? (
        <Tabs value={tab} onChange={(value) => value && setTab(value as ConclusionsTab)} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((name, index) => (
              <Tabs.Tab key={name} value={name} data-testid={`conclusions-tab-${name}`}>
                {name === 'audit' ? t('auditConclusions.tab') : t(`conclusions.tabs.${name}`)} <span translate="no" style={{ opacity: 0.6, fontSize: 'var(--mantine-font-size-xs)' }}>Alt+Shift+{index + 1}</span>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="stage1">
            <Stage1Panel records={records} profile={profile} form={form} onError={setError} />
          </Tabs.Panel>
          <Tabs.Panel value="topics">
            {data.pack ? (
              <TopicsPanel
                data={data}
                records={records}
                gridOn={profile?.profile.fivePointProcessGrid ?? false}
                readOnly={current.readOnly}
                timeZone={form.values.time_zone}
                onError={setError}
              />
            ) : (
              <Alert color="yellow" data-testid="conclusions-no-pack">
                {t('conclusions.noPack')}
              </Alert>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="surveillance">
            <SurveillancePanel records={records} readOnly={current.readOnly} onError={setError} />
          </Tabs.Panel>
          <Tabs.Panel value="audit">
            <AuditConclusionsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="scope">
            <ScopePanel services={data.plan.serviceRows} records={records} form={form} onError={setError} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
