import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/* Reads the deployment files (deploy/) the way kubectl and docker compose would: YAML, every document. */

export const DEPLOY_DIR = path.resolve(__dirname, '../../../deploy');
export const KUBERNETES_DIR = path.join(DEPLOY_DIR, 'kubernetes');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = Record<string, any>;

/** Every document of a YAML file, refusing one that does not parse. */
export function readYaml(file: string): Manifest[] {
  // Merge keys (`<<:`), as docker compose reads them.
  return parseAllDocuments(readFileSync(file, 'utf8'), { merge: true }).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path.basename(file)}: ${document.errors.map((error) => error.message).join('; ')}`);
    return document.toJS({ maxAliasCount: -1 }) as Manifest;
  });
}

/** The Kubernetes objects of deploy/kubernetes/, with the file each came from. */
export const kubernetesObjects = (): (Manifest & { file: string })[] =>
  readdirSync(KUBERNETES_DIR)
    .filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml')
    .flatMap((name) => readYaml(path.join(KUBERNETES_DIR, name)).map((object) => ({ ...object, file: name })));

/** Every container of every Deployment, with its Deployment's name and pod spec. */
export const containersOf = (objects: Manifest[]) =>
  objects
    .filter((object) => object.kind === 'Deployment')
    .flatMap((deployment) => (deployment.spec.template.spec.containers as Manifest[]).map((container) => ({ deployment: deployment.metadata.name as string, pod: deployment.spec.template.spec as Manifest, container })));

/** Names an environment variable carries a secret under: its value must come from a Secret, never be written here. */
export const SECRET_VARIABLE = /PASSWORD|SECRET|TOKEN|DATABASE_URL|REDIS_URL|PRIVATE/;
