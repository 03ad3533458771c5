import type { SubgraphDefinition } from '../lib/subgraph';
import { auditSubgraph } from './audit';
import { civilServantsSubgraph } from './civil-servants';
import { paymentsSubgraph } from './payments';
import { publicServicesSubgraph } from './public-services';
import { residentsSubgraph } from './residents';

/** The subgraphs (four national databases and the audit log), for the composer, the launcher and the tests; processes never import each other. */
// Each subgraph has its own tables and context types; the registry only needs their shared face.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SUBGRAPHS: readonly SubgraphDefinition<any, any>[] = [
  residentsSubgraph,
  civilServantsSubgraph,
  publicServicesSubgraph,
  paymentsSubgraph,
  auditSubgraph,
];
