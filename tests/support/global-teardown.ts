import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __lienthongTestServer?: { stop(): Promise<void>; dir: string } }).__lienthongTestServer;
  if (!server) return;
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
}
