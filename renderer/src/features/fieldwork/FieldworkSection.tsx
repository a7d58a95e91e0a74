import { Tabs } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestedTab, useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { AnswersPanel } from './AnswersPanel.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { RecordsPanel } from './RecordsPanel.tsx';

const TABS = ['checklist', 'records', 'evidence'] as const;
type FieldworkTab = (typeof TABS)[number];

/**
 * Fieldwork (Alt+7): the checklist answered, the records seen on the auditee's screen with their
 * trails, and the evidence list with where each reference is used. Alt+Shift+1–3 switch tabs; only
 * the shown tab is mounted, so its keys are the only ones listening.
 */
export function FieldworkSection() {
  const { t } = useTranslation();
  const handle = useAppStore((s) => s.current!.handle);
  const load = useFieldworkRecords((s) => s.load);
  const [tab, setTab] = useState<FieldworkTab>(() => requestedTab(TABS, 'checklist'));
  useEffect(() => {
    void load(handle);
  }, [handle, load]);
  useGuardedHotkeys(TABS.map((name, index): [string, () => void] => [`alt+shift+${index + 1}`, () => setTab(name)]));
  return (
    <Tabs value={tab} onChange={(value) => value && setTab(value as FieldworkTab)} keepMounted={false}>
      <Tabs.List mb="md">
        {TABS.map((name, index) => (
          <Tabs.Tab key={name} value={name} data-testid={`fieldwork-tab-${name}`}>
            {t(`fieldworkTabs.${name}`)} <span translate="no" style={{ opacity: 0.6, fontSize: 'var(--mantine-font-size-xs)' }}>Alt+Shift+{index + 1}</span>
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="checklist">
        <AnswersPanel />
      </Tabs.Panel>
      <Tabs.Panel value="records">
        <RecordsPanel />
      </Tabs.Panel>
      <Tabs.Panel value="evidence">
        <EvidencePanel />
      </Tabs.Panel>
    </Tabs>
  );
}
