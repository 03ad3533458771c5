import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphConnections } from '../../../gateway/subgraph-connections';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on an ephemeral port that counts the connections it accepts. */
async function serve(handler: Handler): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server: Server = createServer(handler);
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers with what it received, after `delayMs`. */
const echo =
  (delayMs = 0): Handler =>
  (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-seen-header': String(req.headers['x-request-id']) });
        res.end(JSON.stringify({ data: { method: req.method, body } }));
      }, delayMs),
    );
  };

describe('Subgraph connections', () => {
  let connections: SubgraphConnections;
  afterEach(() => connections.close());

  test('a call sends method, headers and body, and gives back status, headers and body', async () => {
    const server = await serve(echo());
    connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 4 });
    try {
      const response = await connections.fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' }, body: '{"query":"{ ok }","x":"Việt"}' });
      expect(response.status).toBe(200);
      expect(response.ok).toBe(true);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('x-seen-header')).toBe('r-1');
      expect(await response.json()).toEqual({ data: { method: 'POST', body: '{"query":"{ ok }","x":"Việt"}' } });
    } finally {
      await server.close();
    }
  });

  test('an error status comes back as it is, body included', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(400, 'Bad Request', { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"bad"}]}');
    });
    connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 4 });
    try {
      const response = await connections.fetch(server.url, { method: 'POST', body: '{}' });
      expect([response.status, response.ok, response.statusText]).toEqual([400, false, 'Bad Request']);
      expect(await response.text()).toBe('{"errors":[{"message":"bad"}]}');
    } finally {
      await server.close();
    }
  });

  test('calls one after another share one kept-alive connection', async () => {
    const server = await serve(echo());
    connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 4 });
    try {
      for (let i = 0; i < 5; i += 1) await (await connections.fetch(server.url, { method: 'POST', body: `{"i":${i}}` })).json();
      expect(server.connections()).toBe(1);
    } finally {
      await server.close();
    }
  });

  test('a connection left unused longer than the idle limit is closed by the gateway, and the next call opens a new one', async () => {
    const server = await serve(echo());
    connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 4, idleMs: 100 });
    try {
      await (await connections.fetch(server.url, { method: 'POST', body: '1' })).json();
      await (await connections.fetch(server.url, { method: 'POST', body: '2' })).json();
      expect(server.connections()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await (await connections.fetch(server.url, { method: 'POST', body: '3' })).json();
      expect(server.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('the idle limit does not cut a call in progress: a slower answer still arrives', async () => {
    const server = await serve(echo(300));
    connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 4, idleMs: 100 });
    try {
      const response = await connections.fetch(server.url, { method: 'POST', body: 'slow' });
      expect(await response.json()).toEqual({ data: { method: 'POST', body: 'slow' } });
    } finally {
      await server.close();
    }
  });

  test('calls in flight together open no more connections than the limit, and all are answered', async () => {
    const server = await serve(echo(20));
    connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 2 });
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => connections.fetch(server.url, { method: 'POST', body: `${i}` }).then((r) => r.json())));
      expect(answers.map((answer) => (answer as { data: { body: string } }).data.body)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(server.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('a subgraph that does not answer in time fails the call, and its connection is not used again', async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      if (calls === 1) return; // the first call is never answered
      echo()(req, res);
    });
    connections = new SubgraphConnections({ timeoutMs: 200, maxConnectionsPerSubgraph: 1 });
    try {
      await expect(connections.fetch(server.url, { method: 'POST', body: '{}' })).rejects.toThrow('no answer within 200 ms');
      const response = await connections.fetch(server.url, { method: 'POST', body: '{"again":true}' });
      expect(await response.json()).toEqual({ data: { method: 'POST', body: '{"again":true}' } });
      expect(server.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('nobody listening, or an address that is not HTTP, fails the call without crashing', async () => {
    const server = await serve(echo());
    const closedUrl = server.url;
    await server.close();
    connections = new SubgraphConnections({ timeoutMs: 1_000, maxConnectionsPerSubgraph: 1 });
    await expect(connections.fetch(closedUrl, { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
    await expect(connections.fetch('ftp://127.0.0.1/graphql', { method: 'POST', body: '{}' })).rejects.toThrow(/Protocol "ftp:" not supported/);
  });
});
