import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../../lib/logging';
import type { SchemaLoadOrUpdateCallback } from './gateway-types';
import { supergraphId, type SupergraphGeneration } from './supergraph-generation';

/** What a reload did: switched to the new supergraph, found it the same as the one served, or refused it (the old one stays). */
export type ReloadOutcome = { outcome: 'applied' | 'unchanged'; id: string } | { outcome: 'refused'; reason: string };

/** Counts of reloads since start, for metrics: a refused one means the file on disk is not what is served. */
export interface ReloadCounts {
  applied: number;
  refused: number;
}

/** The supergraph being served, and what became of reloads, as metrics and health checks read it. */
export interface SupergraphStatus {
  /** The generation's id (first 12 hex digits of the supergraph's SHA-256). */
  readonly id: string;
  readonly loadedAt: Date;
  readonly reloads: Readonly<ReloadCounts>;
  /** Why the last refused reload was refused, or null. */
  readonly lastRefusal: string | null;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The supergraph the gateway serves, replaceable while it runs. A new supergraph is built whole
 * (rules, cost model, routing, planner) before anything changes; then Apollo Server is told of
 * its schema, which every request validated from then on uses. A request validated against an
 * older schema finds that schema's generation (`generationOf`) and finishes on it. A supergraph
 * that cannot be built is refused: logged, counted, and the one served stays. Reloads run one at
 * a time, in the order asked.
 */
export class LiveSupergraph {
  private current: SupergraphGeneration;
  private loadedAt = new Date();
  // A generation lives as long as some request still holds its schema, and no longer.
  private readonly bySchema = new WeakMap<GraphQLSchema, SupergraphGeneration>();
  private readonly listeners = new Set<SchemaLoadOrUpdateCallback>();
  private readonly counts: ReloadCounts = { applied: 0, refused: 0 };
  private lastRefusal: string | null = null;
  private reloading: Promise<unknown> = Promise.resolve();

  private constructor(
    first: SupergraphGeneration,
    private readonly build: (supergraphSdl: string) => Promise<SupergraphGeneration>,
    private readonly logger: Logger,
  ) {
    this.current = first;
    this.bySchema.set(first.schemaContext.apiSchema, first);
  }

  /** Builds the first generation; throws, as start-up must, when the supergraph cannot be served. */
  static async start(supergraphSdl: string, build: (supergraphSdl: string) => Promise<SupergraphGeneration>, logger: Logger): Promise<LiveSupergraph> {
    return new LiveSupergraph(await build(supergraphSdl), build, logger);
  }

  /** The generation being served: new requests use it. */
  get served(): SupergraphGeneration {
    return this.current;
  }

  get status(): SupergraphStatus {
    return { id: this.current.id, loadedAt: this.loadedAt, reloads: { ...this.counts }, lastRefusal: this.lastRefusal };
  }

  /** The generation a request validated against `schema` runs on. */
  generationOf(schema: GraphQLSchema): SupergraphGeneration {
    return this.bySchema.get(schema) ?? this.current;
  }

  /** Apollo Server's subscription: told the current schema now, and each new one. */
  onSchemaLoadOrUpdate(callback: SchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    callback(this.current.schemaContext);
    return () => this.listeners.delete(callback);
  }

  /** Reads a supergraph from `source` and serves it, unless it is the one served or cannot be built. */
  reload(source: () => Promise<string>): Promise<ReloadOutcome> {
    const next = this.reloading.then(() => this.replace(source));
    this.reloading = next;
    return next;
  }

  private async replace(source: () => Promise<string>): Promise<ReloadOutcome> {
    let generation: SupergraphGeneration;
    try {
      const supergraphSdl = await source();
      if (supergraphId(supergraphSdl) === this.current.id) return { outcome: 'unchanged', id: this.current.id };
      generation = await this.build(supergraphSdl);
    } catch (error) {
      this.counts.refused += 1;
      this.lastRefusal = reasonOf(error);
      this.logger.error({ served: this.current.id, reason: this.lastRefusal, refusedReloads: this.counts.refused }, 'supergraph reload refused: the gateway keeps serving the supergraph it had');
      return { outcome: 'refused', reason: this.lastRefusal };
    }
    const previous = this.current;
    this.bySchema.set(generation.schemaContext.apiSchema, generation);
    this.current = generation;
    this.loadedAt = new Date();
    for (const listener of this.listeners) listener(generation.schemaContext);
    this.counts.applied += 1;
    this.logger.info({ previous: previous.id, served: generation.id, subgraphs: Object.keys(generation.endpoints) }, 'supergraph reloaded');
    // Requests already executing on it keep its planner and data sources; stopping only releases @apollo/gateway's own resources.
    await previous.stop();
    return { outcome: 'applied', id: generation.id };
  }

  stop(): Promise<void> {
    return this.current.stop();
  }
}
