/**
 * Spacing of outgoing messages: at most one per `perChatMs` to one chat and `globalPerSecond`
 * overall. `reserve` never sleeps: it says when a send may happen, and books that slot.
 */
export class RateGate {
  private readonly nextPerChat = new Map<string, number>();
  private readonly recent: number[] = [];

  private readonly windowMs: number;

  constructor(private readonly limits: { perChatMs: number; globalPerSecond: number; marginMs?: number }) {
    this.windowMs = 1000 + (limits.marginMs ?? 0);
  }

  /** Returns 0 and books the slot when a send to `chatKey` may go now; else the ms to wait. */
  reserve(chatKey: string, now: number): number {
    const chatReady = this.nextPerChat.get(chatKey) ?? 0;
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - this.windowMs) this.recent.shift();
    const globalReady =
      this.recent.length < this.limits.globalPerSecond ? now : (this.recent[0] ?? now) + this.windowMs;
    const readyAt = Math.max(chatReady, globalReady);
    if (readyAt > now) return readyAt - now;
    this.nextPerChat.set(chatKey, now + this.limits.perChatMs + (this.limits.marginMs ?? 0));
    this.recent.push(now);
    if (this.nextPerChat.size > 10_000) this.forgetOld(now);
    return 0;
  }

  /**
   * A send to `chatKey` booked at `bookedAt` is done at `now`: its chat's next slot and its place
   * in the overall window count from now, since the platform counts a send when it arrives,
   * which may be later than it was booked.
   */
  settle(chatKey: string, now: number, bookedAt = now): void {
    const next = now + this.limits.perChatMs + (this.limits.marginMs ?? 0);
    if (next > (this.nextPerChat.get(chatKey) ?? 0)) this.nextPerChat.set(chatKey, next);
    const index = this.recent.indexOf(bookedAt);
    if (index < 0 || now <= bookedAt) return;
    this.recent.splice(index, 1);
    let at = this.recent.length;
    while (at > 0 && (this.recent[at - 1] ?? 0) > now) at--;
    this.recent.splice(at, 0, now);
  }

  private forgetOld(now: number): void {
    for (const [key, at] of this.nextPerChat) if (at < now) this.nextPerChat.delete(key);
  }
}
