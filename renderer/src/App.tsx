import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { BootProblem } from './features/first-run/BootProblem.tsx';
import { FirstRunScreen } from './features/first-run/FirstRunScreen.tsx';
import { EngagementScreen } from './features/engagement/EngagementScreen.tsx';
import { HomeScreen } from './features/home/HomeScreen.tsx';
import { LibraryScreen } from './features/checklists/LibraryScreen.tsx';
import { useAppStore } from './state/app-store.ts';
import { startJobPolling } from './state/jobs-store.ts';

export function App() {
  const phase = useAppStore((s) => s.phase);
  const current = useAppStore((s) => s.current);
  const boot = useAppStore((s) => s.boot);
  const homeView = useAppStore((s) => s.homeView);

  useEffect(() => {
    void boot();
  }, [boot]);
  useEffect(() => {
    if (phase === 'ready') startJobPolling();
  }, [phase]);

  if (phase === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (phase === 'no-token' || phase === 'failed') return <BootProblem />;
  if (phase === 'first-run') return <FirstRunScreen />;
  if (current) return <EngagementScreen key={current.handle} />;
  return homeView === 'library' ? <LibraryScreen /> : <HomeScreen />;
}
