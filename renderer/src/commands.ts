import { useEffect, useRef } from 'react';

/** The commands of the application menu; the same actions as the in-page shortcuts. */
export type AppCommand = 'new' | 'open' | 'saveCopy' | 'close';

/** Runs `handler` when the desktop menu sends `command` to this window (no-op in the browser). */
export function useMenuCommand(command: AppCommand, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const bridge = window.auditWorkbench;
    if (!bridge) return undefined;
    return bridge.onCommand((received) => {
      if (received === command) latest.current();
    });
  }, [command]);
}

/** Engagement files the OS asked the desktop app to open (double-click, command line). */
export function useOpenRequests(handler: (file: string) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const bridge = window.auditWorkbench;
    if (!bridge) return undefined;
    return bridge.onOpenRequest((file) => latest.current(file));
  }, []);
}

/** The full path of a file dropped on the window (desktop only; a browser does not reveal paths). */
export function droppedFilePath(file: File): string | null {
  const bridge = window.auditWorkbench;
  if (!bridge) return null;
  try {
    return bridge.getPathForFile(file) || null;
  } catch {
    return null;
  }
}
