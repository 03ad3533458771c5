import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphSettings } from '../../../lib/config';
import { SUBGRAPH_REGISTRY } from '../../../subgraphs/registry';
import { DEPLOY_DIR, readYaml, SECRET_VARIABLE, type Manifest } from './deployment-files';

/*
 * No Docker engine runs here (docker build cannot be tried on this machine): these tests hold the
 * Dockerfile and the compose file to what they promise, read as Docker would read them.
 */

const ROOT = path.resolve(DEPLOY_DIR, '..');
const dockerfile = readFileSync(path.join(DEPLOY_DIR, 'Dockerfile'), 'utf8');
/** Instructions without comments, continuation lines joined. */
const instructions = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : [...all.slice(0, -1), [...all.at(-1)!, line]]), []);
const finalStage = stages.at(-1)!;

describe('The Dockerfile', () => {
  test('builds in stages, and the image takes only the compiled code and production dependencies from them', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const copies = finalStage.filter((line) => line.startsWith('COPY'));
    expect(copies.filter((line) => line.includes('--from=')).map((line) => line.split(' ').slice(1).join(' '))).toEqual([
      '--from=production-dependencies /app/node_modules node_modules',
      '--from=build /app/dist dist',
    ]);
    const dependencies = stages.find(([from]) => from!.endsWith(' AS production-dependencies'))!;
    expect(dependencies.join('\n')).toMatch(/npm install --omit=dev/);
    // Nothing of the sources or the test tree: only package.json and the generated schema files beside dist/.
    expect(copies.filter((line) => !line.includes('--from=')).map((line) => line.split(' ').slice(1).join(' '))).toEqual(['package.json ./', 'schema/supergraph.graphql schema/trusted-documents.json schema/']);
  });

  test('runs as a user that is not root', () => {
    const user = finalStage.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
  });

  test('is one image for every process: node runs what the command names, the gateway unless told', () => {
    expect(finalStage).toContain('ENTRYPOINT ["node"]');
    expect(finalStage).toContain('CMD ["dist/gateway/main.js"]');
    expect(finalStage.join('\n')).toMatch(/LT_MODE=production/);
  });

  test('leaves local data, dependencies, builds and secrets out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data', 'deploy/secrets']));
  });
});

describe('The compose file', () => {
  const [compose] = readYaml(path.join(DEPLOY_DIR, 'compose.yaml'));
  const services = compose!.services as Record<string, Manifest>;
  const lienthong = Object.entries(services).filter(([, service]) => service.image === 'lienthong:latest');
  const environment = (service: Manifest): Record<string, string> => service.environment ?? {};

  test('runs PostgreSQL, Redis, every subgraph of the registry, two gateways and a load balancer in front of them', () => {
    expect(Object.keys(services).sort()).toEqual(['audit', 'civil-servants', 'gateway-1', 'gateway-2', 'loadbalancer', 'payments', 'postgres', 'public-services', 'redis', 'residents'].sort());
    for (const { name } of SUBGRAPH_REGISTRY) expect(services[name]!.command).toEqual(['dist/bin/run-subgraph.js', name]);
    for (const gateway of ['gateway-1', 'gateway-2']) expect(services[gateway]!.command).toEqual(['dist/gateway/main.js']);
    const nginx = readFileSync(path.join(DEPLOY_DIR, 'nginx.conf'), 'utf8');
    expect(nginx.match(/server gateway-\d:4000/g)).toEqual(['server gateway-1:4000', 'server gateway-2:4000']);
    expect(services.loadbalancer!.volumes).toEqual(['./nginx.conf:/etc/nginx/nginx.conf:ro']);
  });

  test('builds every LiênThông service from the one Dockerfile, and shares Redis between all of them', () => {
    expect(lienthong.length).toBe(SUBGRAPH_REGISTRY.length + 2);
    for (const [name, service] of lienthong) {
      expect({ name, dockerfile: service.build?.dockerfile, redis: environment(service).REDIS_URL }).toEqual({ name, dockerfile: 'deploy/Dockerfile', redis: 'redis://redis:6379' });
    }
  });

  test('routes both gateways to each subgraph\'s service, and shares their audit checkpoints', () => {
    for (const gateway of ['gateway-1', 'gateway-2']) {
      const routes = Object.entries(environment(services[gateway]!)).filter(([name]) => name.startsWith('SUBGRAPH_URL_'));
      expect(Object.fromEntries(routes)).toEqual(Object.fromEntries(SUBGRAPH_REGISTRY.map(({ name, port }) => [subgraphSettings.url.of(name).env, `http://${name}:${port}/graphql`])));
      expect(services[gateway]!.volumes).toEqual(['audit-checkpoints:/var/lib/lienthong/audit-checkpoints']);
    }
  });

  test('writes no secret: passwords come from the environment, keys from files outside the repository', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [variable, value] of Object.entries(environment(service))) {
        if (SECRET_VARIABLE.test(variable) && variable !== 'REDIS_URL') expect({ name, variable, value }).toEqual({ name, variable, value: expect.stringMatching(/\$\{POSTGRES_PASSWORD:\?/) });
      }
    }
    for (const secret of Object.values(compose!.secrets as Record<string, { file: string }>)) expect(secret.file).toMatch(/^\.\/secrets\//);
    expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toContain('deploy/secrets/');
  });
});
