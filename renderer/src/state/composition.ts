import { useHotkeys } from '@mantine/hooks';

/**
 * Whether an input method is composing text (Chinese typed as pinyin, Japanese as kana…): until the
 * user picks the characters, keystrokes belong to the input method. Tracked once for the page from
 * compositionstart / compositionend, so shortcuts, one-key actions, searches and autosave can all
 * hold off while it is true.
 */
let composing = false;
const waiting = new Set<() => void>();

if (typeof document !== 'undefined') {
  document.addEventListener('compositionstart', () => (composing = true), true);
  document.addEventListener(
    'compositionend',
    () => {
      composing = false;
      for (const run of [...waiting]) run();
      waiting.clear();
    },
    true,
  );
}

/** True while an input method composition is in progress (or the event says it is). */
export function isComposing(event?: Event): boolean {
  const fields = event as { isComposing?: boolean; keyCode?: number } | undefined;
  // keyCode 229: the key went to the input method (some browsers send it without isComposing).
  return composing || Boolean(fields?.isComposing) || fields?.keyCode === 229;
}

/** Runs `work` now, or as soon as the composition in progress ends. */
export function afterComposition(work: () => void): void {
  if (composing) waiting.add(work);
  else work();
}

type Hotkey = [string, (event: KeyboardEvent) => void];

/**
 * Mantine's useHotkeys, except that no shortcut fires while an input method is composing. The key
 * is then left alone too (not default-prevented): it belongs to the input method, or the browser.
 */
export function useGuardedHotkeys(hotkeys: Hotkey[], tagsToIgnore?: string[]): void {
  useHotkeys(
    hotkeys.map(([keys, handler]) => [
      keys,
      (event: KeyboardEvent) => {
        if (isComposing(event)) return;
        event.preventDefault();
        handler(event);
      },
      { preventDefault: false },
    ]),
    tagsToIgnore,
  );
}
