import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settings, subgraphSettings } from '../../../lib/config';
import { SUBGRAPH_REGISTRY } from '../../../subgraphs/registry';
import { containersOf, KUBERNETES_DIR, kubernetesObjects, readYaml, SECRET_VARIABLE, type Manifest } from './deployment-files';

/*
 * No cluster runs here: these tests hold the manifests to what a cluster would need of them and to
 * what LiênThông needs of a cluster — parsed with a YAML library, as kubectl would read them.
 */

const objects = kubernetesObjects();
const containers = containersOf(objects);
const named = (kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata?.name === name);
const envOf = (container: Manifest): Manifest[] => container.env ?? [];
/** The variables a container gets, with their values: its own, and the shared ConfigMap's when it takes them. */
const variablesOf = (container: Manifest): [string, string | undefined][] => [
  ...(container.envFrom ?? []).flatMap(({ configMapRef }: Manifest) => Object.entries(named('ConfigMap', configMapRef.name)!.data as Record<string, string>)),
  ...envOf(container).map(({ name, value }): [string, string | undefined] => [name, value]),
];
const gateway = containers.find(({ deployment }) => deployment === 'lienthong-gateway')!;
const subgraphVariable = (name: string) => subgraphSettings.url.of(name).env;

/** Every variable LiênThông reads (LOG_LEVEL by lib/logging.ts, NODE_ENV by its libraries), so that a misspelt one in a manifest is caught. */
const KNOWN_VARIABLES = new Set([...Object.values(settings).map((s) => s.env), 'LOG_LEVEL', 'NODE_ENV']);
const isKnownVariable = (name: string) =>
  KNOWN_VARIABLES.has(name) || /^SUBGRAPH_URL_[A-Z0-9_]+$/.test(name) || /^[A-Z0-9_]+_(PORT|DATABASE_URL)$/.test(name);

describe('The Kubernetes manifests', () => {
  test('parse, and every object names its API version, kind, name and the lienthong namespace', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect({ file: object.file, apiVersion: typeof object.apiVersion, kind: typeof object.kind, name: typeof object.metadata?.name }).toEqual({ file: object.file, apiVersion: 'string', kind: 'string', name: 'string' });
      if (object.kind !== 'Namespace') expect(object.metadata.namespace).toBe('lienthong');
    }
  });

  test('are all listed in the kustomization', () => {
    const [kustomization] = readYaml(path.join(KUBERNETES_DIR, 'kustomization.yaml'));
    expect([...kustomization!.resources].sort()).toEqual([...new Set(objects.map((object) => object.file))].sort());
  });

  test('give each of LiênThông\'s own subgraphs (the registry) a Deployment running it and a Service on its port', () => {
    for (const { name, port } of SUBGRAPH_REGISTRY) {
      const deployment = containers.find((c) => c.deployment === `lienthong-${name}`);
      expect(deployment?.container.args).toEqual(['dist/bin/run-subgraph.js', name]);
      expect(deployment?.container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(named('Service', `lienthong-${name}`)?.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    }
    expect(containers.map(({ deployment }) => deployment).sort()).toEqual(['lienthong-gateway', ...SUBGRAPH_REGISTRY.map(({ name }) => `lienthong-${name}`)].sort());
  });

  test('route the gateway to each subgraph\'s Service by SUBGRAPH_URL_<NAME>', () => {
    const routes = Object.fromEntries(envOf(gateway.container).filter(({ name }) => name.startsWith('SUBGRAPH_URL_')).map(({ name, value }) => [name, value]));
    expect(routes).toEqual(Object.fromEntries(SUBGRAPH_REGISTRY.map(({ name, port }) => [subgraphVariable(name), `http://lienthong-${name}:${port}/graphql`])));
  });

  test('select their pods: each Deployment\'s selector matches its pod labels, each Service selects a Deployment and targets a port it opens', () => {
    const deployments = objects.filter((object) => object.kind === 'Deployment');
    for (const deployment of deployments) expect(deployment.spec.template.metadata.labels).toEqual(expect.objectContaining(deployment.spec.selector.matchLabels));
    for (const service of objects.filter((object) => object.kind === 'Service')) {
      const target = deployments.find((d) => Object.entries(service.spec.selector).every(([key, value]) => d.spec.template.metadata.labels[key] === value));
      expect({ service: service.metadata.name, selects: target?.metadata.name ?? null }).toEqual({ service: service.metadata.name, selects: expect.any(String) });
      const portNames = (target!.spec.template.spec.containers as Manifest[]).flatMap((c) => (c.ports as Manifest[]).map((p) => p.name));
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    }
  });

  test('probe every process on /health (alive: restarted when not) and /ready (can serve: sent requests only then)', () => {
    for (const { deployment, container } of containers) {
      expect({ deployment, liveness: container.livenessProbe?.httpGet, readiness: container.readinessProbe?.httpGet }).toEqual({
        deployment,
        liveness: { path: '/health', port: 'http' },
        readiness: { path: '/ready', port: 'http' },
      });
    }
  });

  test('give the gateway the key it pseudonymises callers with in its logs, which production requires', () => {
    expect(gateway.container.env).toContainEqual({ name: 'LOG_PSEUDONYM_KEY_FILE', value: '/etc/lienthong/keys/log-pseudonym.key' });
  });

  test('give every container requests and limits of CPU and memory, and run it as a user without privileges', () => {
    for (const { deployment, pod, container } of containers) {
      expect({ deployment, requests: Object.keys(container.resources?.requests ?? {}).sort(), limits: Object.keys(container.resources?.limits ?? {}).sort() }).toEqual({ deployment, requests: ['cpu', 'memory'], limits: ['cpu', 'memory'] });
      expect({ deployment, nonRoot: pod.securityContext?.runAsNonRoot, escalation: container.securityContext?.allowPrivilegeEscalation }).toEqual({ deployment, nonRoot: true, escalation: false });
    }
  });

  test('scale the gateway and residents horizontally, never below two replicas', () => {
    const autoscalers = objects.filter((object) => object.kind === 'HorizontalPodAutoscaler');
    expect(autoscalers.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(['lienthong-gateway', 'lienthong-residents']);
    for (const hpa of autoscalers) {
      expect(named('Deployment', hpa.spec.scaleTargetRef.name)).toBeDefined();
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    }
  });

  test('mount the supergraph from a ConfigMap as a directory (no subPath, so an update reaches the running gateway), where SUPERGRAPH_PATH points', () => {
    const volume = (gateway.pod.volumes as Manifest[]).find((v) => v.configMap?.name === 'lienthong-supergraph');
    const mount = (gateway.container.volumeMounts as Manifest[]).find((m) => m.name === volume?.name);
    expect(mount).toBeDefined();
    expect(mount!.subPath).toBeUndefined();
    const supergraphPath = envOf(gateway.container).find(({ name }) => name === 'SUPERGRAPH_PATH')?.value as string;
    expect(path.dirname(supergraphPath)).toBe(mount!.mountPath);
  });

  test('take every key file from a Secret volume', () => {
    for (const { deployment, pod, container } of containers) {
      const keyFiles = variablesOf(container).flatMap(([name, value]) => (name.endsWith('_KEY_FILE') ? [value as string] : []));
      expect(keyFiles.length).toBeGreaterThan(0);
      for (const file of keyFiles) {
        const mount = (container.volumeMounts as Manifest[]).find((m) => file.startsWith(`${m.mountPath}/`));
        const volume = (pod.volumes as Manifest[]).find((v) => v.name === mount?.name);
        expect({ deployment, file, secret: volume?.secret?.secretName }).toEqual({ deployment, file, secret: 'lienthong-keys' });
      }
    }
  });

  test('write no secret: no Secret with data, no key material, secret-bearing variables only from Secrets', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    for (const { deployment, container } of containers) {
      for (const variable of envOf(container).filter(({ name }) => SECRET_VARIABLE.test(name))) {
        expect({ deployment, variable: variable.name, value: variable.value, from: Object.keys(variable.valueFrom ?? {}) }).toEqual({ deployment, variable: variable.name, value: undefined, from: ['secretKeyRef'] });
      }
    }
    const config = named('ConfigMap', 'lienthong-config')!;
    expect(Object.keys(config.data).filter((name) => SECRET_VARIABLE.test(name))).toEqual([]);
    for (const object of objects) expect(JSON.stringify(object)).not.toMatch(/-----BEGIN|password=|:\/\/[^/\s"]+:[^@/\s"]+@/i);
  });

  test('set only variables LiênThông reads', () => {
    const variables = containers.flatMap(({ container }) => variablesOf(container).map(([name]) => name));
    expect(variables.filter((name) => !isKnownVariable(name))).toEqual([]);
  });

  test('name an image that the Dockerfile builds, and nothing else', () => {
    expect(new Set(containers.map(({ container }) => container.image))).toEqual(new Set(['lienthong']));
    expect(readFileSync(path.join(KUBERNETES_DIR, 'kustomization.yaml'), 'utf8')).toMatch(/- name: lienthong\n\s+newTag: /);
  });
});
