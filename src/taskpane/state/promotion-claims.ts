/**
 * Who is promoting whom right now, for the whole pane: the sender card's Add and a list's batch
 * claim a person (by addressKey) before they create, so the same person is never sent to create
 * twice from two places (a click on the card while the list adds them, or the other way round).
 */
export class PromotionClaims {
  readonly #claimed = new Set<string>();

  /** Claims `key`; false when someone else already has it (then do not promote). */
  claim(key: string): boolean {
    if (this.#claimed.has(key)) return false;
    this.#claimed.add(key);
    return true;
  }

  release(key: string): void {
    this.#claimed.delete(key);
  }

  has(key: string): boolean {
    return this.#claimed.has(key);
  }
}
