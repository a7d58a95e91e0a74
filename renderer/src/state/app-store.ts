import { create } from 'zustand';
import type { AppInfo, EngagementSummaryView, InstallationView } from '../../../shared/contract/views.ts';
import { hasWebToken, invoke } from '../contract/client.ts';
import { MENU_LABEL_KEYS } from '../../../shared/contract/menu-labels.ts';
import { applyLanguage, i18next } from '../i18n/index.ts';

export type Section = 'overview' | 'setup' | 'scope' | 'team' | 'checklist' | 'plan' | 'fieldwork' | 'notebook' | 'conclusions' | 'findings' | 'sampling' | 'report';
/** What the home window shows when no engagement is open. */
export type HomeView = 'home' | 'library';
type Phase = 'loading' | 'no-token' | 'first-run' | 'ready' | 'failed';

const VIEW_KEY = 'aw.view';

interface AppState {
  phase: Phase;
  bootError: unknown;
  info: AppInfo | null;
  installation: InstallationView | null;
  current: EngagementSummaryView | null;
  section: Section;
  /**
   * The tab a section was asked to open on (the report's "Fix" links), or null for its first. A
   * section reads it when it mounts (`requestedTab`); any other navigation clears it.
   */
  tab: string | null;
  homeView: HomeView;
  boot(): Promise<void>;
  showLibrary(): void;
  showHome(): void;
  setInstallation(installation: InstallationView): void;
  showEngagement(summary: EngagementSummaryView, section?: Section): void;
  updateCurrent(summary: Partial<EngagementSummaryView>): void;
  setSection(section: Section, tab?: string | null): void;
  goHome(): void;
}

/** The desktop menu is labelled in the interface language, now and whenever it changes. */
let followingLanguage = false;
function followLanguageInMenu(): void {
  if (followingLanguage) return;
  followingLanguage = true;
  const relabel = () => {
    const labels = Object.fromEntries(MENU_LABEL_KEYS.map((key) => [key, i18next.t(`menu.${key}`)])) as Record<(typeof MENU_LABEL_KEYS)[number], string>;
    invoke('app:menuLabels', { labels }).catch((error: unknown) => console.warn('the menu keeps its labels', error));
  };
  i18next.on('languageChanged', relabel);
  relabel();
}

/** The app shell's state: who uses it, which engagement is shown and which section of it. */
export const useAppStore = create<AppState>((set, get) => ({
  phase: 'loading',
  bootError: null,
  info: null,
  installation: null,
  current: null,
  section: 'overview',
  tab: null,
  homeView: 'home',

  showLibrary() {
    set({ homeView: 'library' });
  },

  showHome() {
    set({ homeView: 'home' });
  },

  async boot() {
    if (!hasWebToken()) {
      set({ phase: 'no-token' });
      return;
    }
    try {
      const [info, installation] = await Promise.all([invoke('app:info', {}), invoke('installation:get', {})]);
      if (info.platform === 'electron') followLanguageInMenu();
      await applyLanguage(installation?.language ?? null);
      set({ info, installation });
      if (!installation) {
        set({ phase: 'first-run' });
        return;
      }
      // A reload keeps the engagement: the host still leases its handle to this page session.
      const handles = await invoke('engagement:handles', {});
      const saved = JSON.parse(sessionStorage.getItem(VIEW_KEY) ?? 'null') as { handle: string; section: Section } | null;
      const current = handles.find((h) => h.handle === saved?.handle) ?? handles[0] ?? null;
      set({ phase: 'ready', current, section: current && saved?.handle === current.handle ? saved.section : 'overview' });
    } catch (error) {
      set({ phase: 'failed', bootError: error });
    }
  },

  setInstallation(installation) {
    void applyLanguage(installation.language);
    set({ installation, phase: 'ready' });
  },

  showEngagement(summary, section = 'overview') {
    sessionStorage.setItem(VIEW_KEY, JSON.stringify({ handle: summary.handle, section }));
    set({ current: summary, section, tab: null });
  },

  updateCurrent(patch) {
    const current = get().current;
    if (current) set({ current: { ...current, ...patch } });
  },

  setSection(section, tab = null) {
    const current = get().current;
    if (current) sessionStorage.setItem(VIEW_KEY, JSON.stringify({ handle: current.handle, section }));
    set({ section, tab });
  },

  goHome() {
    sessionStorage.removeItem(VIEW_KEY);
    set({ current: null, section: 'overview', tab: null });
  },
}));

/**
 * The tab a section opens on: the one asked for with `setSection(section, tab)` when it is one of
 * `tabs`, else `fallback`. Read once, as the section mounts (sections mount afresh on navigation).
 */
export function requestedTab<Tab extends string>(tabs: readonly Tab[], fallback: Tab): Tab {
  const asked = useAppStore.getState().tab;
  return tabs.find((tab) => tab === asked) ?? fallback;
}
