/**
 * Work kept in order per key (a conversation): the bot's turns and a visitor's request for a person
 * run one after the other, so an answer under way is stored before the chat is handed over.
 */
export class Serial {
  private readonly chains = new Map<string, Promise<void>>();

  /** Runs `fn` after everything queued for `key`; its result (or failure) is the caller's. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const result = (this.chains.get(key) ?? Promise.resolve()).then(fn);
    const tail: Promise<void> = result
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        if (this.chains.get(key) === tail) this.chains.delete(key);
      });
    this.chains.set(key, tail);
    return result;
  }

  /** Whether work for `key` is queued or under way. */
  busy(key: string): boolean {
    return this.chains.has(key);
  }

  /** Resolves when everything queued so far, for every key, has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }
}
