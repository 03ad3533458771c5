import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FreezableProxy {
  readonly port: number;
  /** From now on no byte moves either way (connections stay open): a frozen server, as SIGSTOP leaves one. */
  freeze(): void;
  /** Everything held back is delivered and traffic flows again. */
  thaw(): void;
  /** Cuts every open connection, as a server that crashed: clients see their connection end. */
  cut(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a server (PostgreSQL here) that can freeze: the server looks alive
 * (connections are accepted and kept) but nothing it is sent is answered, which is how a stopped
 * or wedged database server looks to its clients. The shared test server itself is never frozen.
 */
export async function startFreezableProxy(targetHost: string, targetPort: number): Promise<FreezableProxy> {
  let frozen = false;
  const held: { to: Socket; chunk: Buffer }[] = [];
  const sockets = new Set<Socket>();
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => (frozen ? held.push({ to, chunk }) : to.write(chunk)));
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    cut: () => {
      held.length = 0;
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
