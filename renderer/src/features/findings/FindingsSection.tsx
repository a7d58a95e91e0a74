import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestedTab } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { ClosingMeetingPanel } from '../closing/ClosingMeetingPanel.tsx';
import { FollowUpPanel } from '../follow-up/FollowUpPanel.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';

const TABS = ['findings', 'closing', 'follow-up'] as const;
type FindingsTab = (typeof TABS)[number];

/**
 * Findings (Alt+0): the findings raised and graded, the closing meeting (statements, acknowledgements,
 * the NC forms and the meeting record), and the follow-up of corrective actions and earlier
 * nonconformities. Alt+Shift+1–3 switch tabs; only the shown tab is mounted.
 */
export function FindingsSection() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<FindingsTab>(() => requestedTab(TABS, 'findings'));
  useGuardedHotkeys(TABS.map((name, index): [string, () => void] => [`alt+shift+${index + 1}`, () => setTab(name)]));
  return (
    <Tabs value={tab} onChange={(value) => value && setTab(value as FindingsTab)} keepMounted={false}>
      <Tabs.List mb="md">
        {TABS.map((name, index) => (
          <Tabs.Tab key={name} value={name} data-testid={`findings-tab-${name}`}>
            {t(`findingsTabs.${name}`)} <span translate="no" style={{ opacity: 0.6, fontSize: 'var(--mantine-font-size-xs)' }}>Alt+Shift+{index + 1}</span>
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="findings">
        <FindingsPanel />
      </Tabs.Panel>
      <Tabs.Panel value="closing">
        <ClosingMeetingPanel />
      </Tabs.Panel>
      <Tabs.Panel value="follow-up">
        <FollowUpPanel />
      </Tabs.Panel>
    </Tabs>
  );
}
