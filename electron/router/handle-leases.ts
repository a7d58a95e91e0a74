/**
 * Which caller (an Electron window, or a browser page session) holds which engagement handle.
 * Engagement channels are refused for handles the caller does not hold; a reloaded page keeps its
 * session id and so reclaims its handles; a session silent past the TTL is closed by the host.
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

  touch(owner: string): void {
    this.lastSeen.set(owner, this.now());
  }

  /** Owners holding handles that have not been seen for `ttlMs`. */
  silentOwners(ttlMs: number): string[] {
    const owners = new Set(this.ownerOf.values());
    return [...owners].filter((owner) => this.now() - (this.lastSeen.get(owner) ?? 0) > ttlMs);
  }
}
