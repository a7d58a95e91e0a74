/**
 * Files the OS asks us to open (argv, macOS open-file, a second launch) can arrive before the app is
 * ready. They wait here, in order and without duplicates, until the shell can open them.
 */
export class OpenRequests {
  private readonly pending: string[] = [];
  private consumer: ((file: string) => void) | null = null;

  add(file: string): void {
    if (this.consumer) {
      this.consumer(file);
      return;
    }
    if (!this.pending.includes(file)) this.pending.push(file);
  }

  addAll(files: readonly string[]): void {
    for (const file of files) this.add(file);
  }

  /** From now on files go straight to `consumer`; those waiting are delivered first. */
  drainTo(consumer: (file: string) => void): void {
    this.consumer = consumer;
    for (const file of this.pending.splice(0)) consumer(file);
  }
}

export type SecondInstanceAction = { readonly focus: 'home' } | { readonly focus: 'files'; readonly files: string[] };

/** A second launch never starts a second app: it focuses ours, handing over any files it names. */
export function secondInstanceAction(files: readonly string[]): SecondInstanceAction {
  return files.length ? { focus: 'files', files: [...files] } : { focus: 'home' };
}
