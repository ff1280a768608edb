import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export type TcpFaultProxy = {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  /** The database goes away: open connections are cut and new ones refused (ECONNREFUSED) until `restore()`. */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /** Every byte, either way, is held this long before it is passed on (0: at once). */
  delay(ms: number): void;
  close(): Promise<void>;
};

/**
 * A TCP proxy on 127.0.0.1 between Kura and the real PostgreSQL server, to
 * make the network fail as it does in production: a database that is gone,
 * that refuses connections, or that answers slowly. The bytes are PostgreSQL's
 * own; only their delivery is interfered with.
 */
export async function startTcpFaultProxy(target: { host: string; port: number }): Promise<TcpFaultProxy> {
  const sockets = new Set<Socket>();
  let delayMs = 0;

  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      // Equal delays keep order: timers of one duration fire in the order they were set.
      if (delayMs === 0) to.write(chunk);
      else setTimeout(() => to.writable && to.write(chunk), delayMs);
    });
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const onConnection = (client: Socket) => {
    const server = tcpConnect(target.port, target.host);
    track(client);
    track(server);
    relay(client, server);
    relay(server, client);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };

  const port = await listen(0);
  return {
    port,
    async refuse() {
      const closed = stopListening();
      cutAll();
      await closed;
    },
    async restore() {
      if (server.listening) return;
      server = createServer(onConnection);
      await listen(port);
    },
    delay(ms) {
      delayMs = ms;
    },
    async close() {
      const closed = server.listening ? stopListening() : Promise.resolve();
      cutAll();
      await closed;
    },
  };
}
