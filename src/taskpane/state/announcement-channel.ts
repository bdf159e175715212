/**
 * Sentences said by views that keep a state of their own (the people lists, a proposal's
 * controller); the pane's LiveAnnouncer, the one live region, says each once.
 */
export class AnnouncementChannel {
  readonly #listeners = new Set<(text: string) => void>();

  say(text: string): void {
    for (const listener of [...this.#listeners]) listener(text);
  }

  readonly subscribe = (listener: (text: string) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };
}
