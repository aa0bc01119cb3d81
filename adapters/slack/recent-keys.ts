/**
 * A bounded set of recently seen keys, forgetting the oldest first: event ids already answered
 * (Slack retries deliveries) and threads the bot answered in (so replies there are questions).
 */

/**
 * Remembers up to `capacity` keys; adding beyond that forgets the oldest.
 * @example const seen = new RecentKeys(2); seen.add('a'); seen.add('b'); seen.add('c'); seen.has('a') // false
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True when `key` was added and not yet forgotten. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Adds `key` (as the newest) and forgets the oldest beyond capacity. */
  add(key: string): void {
    this.keys.delete(key);
    this.keys.add(key);
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest === undefined) break;
      this.keys.delete(oldest);
    }
  }

  /**
   * Adds `key` unless already present.
   * @returns true when the key is new (first delivery), false when it was already seen
   */
  addIfNew(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.add(key);
    return true;
  }

  /** Number of keys held. */
  get size(): number {
    return this.keys.size;
  }
}
