import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** How long a download link works: enough to click it, short enough that a copied link is useless later. */
export const DOWNLOAD_TTL_MS = 5 * 60_000;

interface Offer {
  readonly file: string;
  readonly expires: number;
}

/**
 * Short-lived, single-use download links (DESIGN.md: browser host). A link is the capability: a
 * random id, valid once and for a few minutes, naming one file the app has just written.
 */
export class Downloads {
  private readonly offers = new Map<string, Offer>();

  constructor(private readonly now: () => number = Date.now) {}

  offer(file: string): string {
    this.sweep();
    const id = randomBytes(18).toString('base64url');
    this.offers.set(id, { file, expires: this.now() + DOWNLOAD_TTL_MS });
    return `/download/${id}/${encodeURIComponent(path.basename(file))}`;
  }

  /** The file for a link's id without using the link up (a HEAD request); null when unknown or expired. */
  peek(id: string): string | null {
    const offer = this.offers.get(id);
    return offer && offer.expires > this.now() ? offer.file : null;
  }

  /** The file for a link's id, once; null when unknown, used or expired. */
  take(id: string): string | null {
    const offer = this.offers.get(id);
    this.offers.delete(id);
    return offer && offer.expires > this.now() ? offer.file : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, offer] of this.offers) if (offer.expires <= now) this.offers.delete(id);
  }
}
