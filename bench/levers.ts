import { createHash, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { SubgraphConnections } from '../gateway/subgraph-connections';
import { MemoryReplayGuard, RedisReplayGuard, type ReplayGuard } from '../lib/auth';
import { sealBatch } from '../lib/audit';
import { createLogger } from '../lib/logging';
import { closeRedis, connectRedis } from '../lib/redis';
import { sampleAuditRecord } from './audit-sample';

/**
 * `node dist/bench/levers.js` (after `npm run bench:build`): what the gateway's per-request pieces
 * cost on this machine, to size the levers its CPU profile points at — signing a subgraph call,
 * verifying it, verifying a token, sealing the audit log's batches, three ways to make a subgraph
 * call over a kept-alive loopback connection, and (with REDIS_URL) the subgraph's nonce check in
 * Redis against memory.
 */
const BODY = JSON.stringify({ query: 'x'.repeat(600), variables: { representations: [{ __typename: 'Citizen', personalId: '001198000001' }] } });

const report = (label: string, micros: number) => console.log(`${label.padEnd(58)} ${micros.toFixed(1).padStart(7)} µs`);

function perCall(count: number, fn: () => void): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) fn();
  return Number(process.hrtime.bigint() - started) / 1e3 / count;
}

async function perCallAsync(count: number, fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await fn();
  return Number(process.hrtime.bigint() - started) / 1e3 / count;
}

/** CPU of this process (client and server both) per call, 16 calls in flight. */
async function cpuPerCall(count: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 500; i += 1) await call();
  const before = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next++ < count) await call();
  }));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

async function main(): Promise<void> {
  const ed = generateKeyPairSync('ed25519');
  const signed = () => Buffer.from(`residents\n${Date.now()}\n${randomBytes(16).toString('hex')}\nidentity\n${createHash('sha256').update(BODY).digest('hex')}`);
  report('Ed25519 signature of a subgraph call (sha256, nonce, sign)', perCall(5000, () => sign(null, signed(), ed.privateKey)));
  const message = signed();
  const signature = sign(null, message, ed.privateKey);
  report('Ed25519 verification in the subgraph', perCall(5000, () => verify(null, message, ed.publicKey, signature)));

  for (const size of [1, 20, 200]) {
    const batch = Array.from({ length: size }, (_, i) => sampleAuditRecord(i));
    report(`audit log: seal of a batch of ${size}, per record`, perCall(Math.ceil(20_000 / size), () => sealBatch(ed.privateKey, 'signer', 1, batch)) / size);
  }

  const es = await generateKeyPair('ES256');
  const token = await new SignJWT({ scope: 'residents:read', role: 'auditor' }).setProtectedHeader({ alg: 'ES256' }).setIssuer('i').setAudience('a').setSubject('s').setExpirationTime('1h').sign(es.privateKey);
  report('ES256 token verification (jose)', await perCallAsync(3000, () => jwtVerify(token, es.publicKey, { issuer: 'i', audience: 'a' })));

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"ok":true}}');
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const connections = new SubgraphConnections({ timeoutMs: 10_000, maxConnectionsPerSubgraph: 64 });
  const viaFetch = (signal?: AbortSignal) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY, signal }).then((response) => response.json());
  const viaConnections = () => connections.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY }).then((response) => response.json());
  report('subgraph call: fetch + AbortSignal.timeout (the gateway until 2026-12)', await cpuPerCall(4000, () => viaFetch(AbortSignal.timeout(10_000))));
  report('subgraph call: fetch without a signal', await cpuPerCall(4000, () => viaFetch()));
  report('subgraph call: SubgraphConnections (keep-alive http.Agent, now)', await cpuPerCall(4000, viaConnections));
  console.log('(subgraph calls: CPU of client and loopback server together, 16 in flight; the server part is the same in all three)');
  server.close();
  connections.close();
  await nonceChecks();
}

/** CPU the Redis server has used since it started, in µs (INFO cpu). */
async function redisCpuMicros(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1e6;
}

/** The nonce check of every signed subgraph call: one process's memory, or Redis shared by replicas. */
async function nonceChecks(): Promise<void> {
  const check = (guard: ReplayGuard) => () => guard.firstUse(randomBytes(16).toString('hex'), Date.now() + 60_000);
  const memory = check(new MemoryReplayGuard());
  report('nonce check in memory (one replica), one at a time', await perCallAsync(20_000, memory));
  const url = process.env.REDIS_URL;
  if (!url) {
    console.log('(set REDIS_URL to measure the nonce check in Redis)');
    return;
  }
  const redis = await connectRedis({ url, keyPrefix: `lienthong-levers:${randomBytes(4).toString('hex')}:`, connectTimeoutMs: 2_000, commandTimeoutMs: 2_000 }, createLogger('levers'));
  const shared = check(new RedisReplayGuard(redis, 'residents'));
  for (let i = 0; i < 500; i += 1) await shared();
  report('nonce check in Redis (SET NX PX), latency one at a time', await perCallAsync(5_000, shared));
  const serverBefore = await redisCpuMicros(redis);
  report('nonce check in Redis, client CPU per check (16 in flight)', await cpuPerCall(20_000, shared));
  report('nonce check in Redis, Redis server CPU per check (same run)', (await redisCpuMicros(redis) - serverBefore) / 20_500);
  console.log('(Redis server CPU counts every client of that Redis during the run; keys expire after 60 s)');
  await closeRedis(redis);
}

void main();
