/**
 * Which caller (an Electron window, or a browser page session) holds which engagement handle.
 * Engagement channels are refused for handles the caller does not hold; a reloaded page keeps its
 * session id and so reclaims its handles; a session silent past the TTL is closed by the host.
 *
 * An owner is known from its first lease or long-poll until the host forgets it: anything kept per
 * owner must end with it, because page-session ids are chosen by the page (any number of them).
 */
export class HandleLeases {
  private readonly ownerOf = new Map<string, string>();
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  lease(handle: string, owner: string): void {
    this.ownerOf.set(handle, owner);
    this.touch(owner);
  }

  release(handle: string): void {
    this.ownerOf.delete(handle);
  }

  owner(handle: string): string | null {
    return this.ownerOf.get(handle) ?? null;
  }

  handlesOf(owner: string): string[] {
    return [...this.ownerOf.entries()].filter(([, o]) => o === owner).map(([handle]) => handle);
  }

  /** Marks `owner` as alive now, making it known if it was not (a lease, a long-poll). */
  touch(owner: string): void {
    this.lastSeen.set(owner, this.now());
  }

  /**
   * Marks `owner` as alive only if it is known. Every request refreshes its caller, and a caller
   * that never leased nor polled must leave nothing behind: a page (or anything holding the token)
   * may send each request under a new session id.
   */
  refresh(owner: string): void {
    if (this.lastSeen.has(owner)) this.lastSeen.set(owner, this.now());
  }

  /** Known owners, with or without handles, not seen for `ttlMs`. */
  silentOwners(ttlMs: number): string[] {
    const owners = new Set([...this.lastSeen.keys(), ...this.ownerOf.values()]);
    return [...owners].filter((owner) => this.now() - (this.lastSeen.get(owner) ?? 0) > ttlMs);
  }

  /** Drops a silent owner: its handles (the caller closes those engagements) and its last-seen time. */
  forget(owner: string): string[] {
    const handles = this.handlesOf(owner);
    for (const handle of handles) this.ownerOf.delete(handle);
    this.lastSeen.delete(owner);
    return handles;
  }
}
