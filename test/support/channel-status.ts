import type { ChannelState, ChannelStatus } from '../../src/channels/channel-link.js';

/**
 * Waits until a channel reaches a state (channels connect in the background: `start()` returns
 * before the platform answered). Fails with the last status seen if it does not get there.
 */
export async function untilChannel(
  channel: { status(): ChannelStatus },
  state: ChannelState = 'up',
  timeoutMs = 15_000,
): Promise<ChannelStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = channel.status();
    if (status.state === state) return status;
    if (Date.now() > deadline)
      throw new Error(`channel still ${status.state} (${status.reason ?? 'no reason'}), not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
