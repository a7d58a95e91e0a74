import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLabels } from '../../shared/contract/views.ts';

/** Commands the menu sends to the focused window's renderer (the same ones its shortcuts run). */
export const MENU_COMMANDS = ['new', 'open', 'saveCopy', 'close'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Until the renderer sends the interface language's labels (app:menuLabels), the menu is English. */
export { ENGLISH_MENU_LABELS } from '../../shared/contract/menu-labels.ts';

/**
 * The application menu with the usual shortcuts. Undo/redo/cut/copy/paste are the system roles, so
 * they act in text fields; zoom is the system roles too. No developer tools in a release build.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  labels: MenuLabels,
  send: (command: MenuCommand) => void,
  options: { devTools: boolean; appName: string },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      { label: labels.newEngagement, accelerator: 'CmdOrCtrl+N', click: () => send('new') },
      { label: labels.open, accelerator: 'CmdOrCtrl+O', click: () => send('open') },
      { type: 'separator' },
      { label: labels.saveCopy, accelerator: 'CmdOrCtrl+Shift+S', click: () => send('saveCopy') },
      { type: 'separator' },
      { label: labels.close, accelerator: 'CmdOrCtrl+W', click: () => send('close') },
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.devTools) viewItems.push({ type: 'separator' }, { role: 'toggleDevTools' });
  return [
    ...(mac
      ? [
          {
            label: options.appName,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    fileMenu,
    {
      label: labels.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: labels.view, submenu: viewItems },
    { label: labels.window, role: 'windowMenu' },
  ];
}
