/**
 * What the durable-write kill test's child writes and where it may be stopped; shared by the child
 * (durable-write-child.ts) and the test, so both agree on every generation's exact bytes.
 */

/**
 * Named moments inside writeFileDurably at which the child SIGKILLs itself, in the order they happen.
 * Up to `after-file-fsync` the destination must still hold the old content; from the rename on, the new.
 */
export const KILL_POINTS = ['temp-created', 'mid-write', 'before-file-fsync', 'after-file-fsync', 'after-rename', 'after-folder-fsync'] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

export const RENAMED_FROM: KillPoint = 'after-rename';

export const READY_LINE = 'ready';

/**
 * Generation n: a header naming n, then a body of one letter (a different one from the generations
 * beside it) whose length also varies, so a file mixing two generations or cut short never equals one.
 */
export function generationContent(generation: number): string {
  const letter = String.fromCharCode(97 + (generation % 26));
  const body = letter.repeat(256 * 1024 + (generation % 7) * 4099);
  return `generation ${generation}\n${body}\nend ${generation}\n`;
}

/** The generation a file holds, or null when its bytes are not exactly one generation's content. */
export function wholeGeneration(text: string): number | null {
  const match = /^generation (\d+)\n/.exec(text);
  if (!match) return null;
  const generation = Number(match[1]);
  return text === generationContent(generation) ? generation : null;
}
