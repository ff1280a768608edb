import type { Client } from 'pg';

/** What a channel's subscriber is told: each notification's payload, and each time listening (re)started. */
export type ChannelHandlers = {
  onNotify(payload: string): void;
  /**
   * Listening started, or started again after a lost connection: whatever was
   * announced meanwhile went unheard, so look now.
   */
  onListening?(): void;
};

export type ChannelSubscription = { close(): Promise<void> };

/**
 * LISTEN on a connection of its own (a pooled one would hand the LISTEN to
 * whoever takes it next). A dropped or refused connection never ends the
 * process: it is opened again with a jittered back-off doubling from
 * `backoffMs.first` to `backoffMs.max`, and `onListening` runs again once it is.
 */
export function listenWithReconnect(options: {
  newClient: () => Client;
  channel: string;
  handlers: ChannelHandlers;
  backoffMs?: { first: number; max: number };
  onConnectionLost?: (err: unknown) => void;
}): ChannelSubscription {
  const { channel, handlers } = options;
  const backoff = options.backoffMs ?? { first: 100, max: 10_000 };
  let closed = false;
  let current: Client | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  function retryLater() {
    if (closed) return;
    const delay = Math.min(backoff.max, backoff.first * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    timer = setTimeout(() => void connect(), delay);
  }

  async function connect() {
    if (closed) return;
    const client = options.newClient();
    current = client;
    let lost = false;
    const lose = (err: unknown) => {
      if (lost) return;
      lost = true;
      if (current === client) current = undefined;
      client.end().catch(() => {});
      if (closed) return;
      options.onConnectionLost?.(err);
      retryLater();
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('the notification connection ended')));
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(channel)}`);
    } catch (err) {
      lose(err);
      return;
    }
    if (lost || closed) return;
    failures = 0;
    handlers.onListening?.();
  }

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await current?.end().catch(() => {});
    },
  };
}
