import { Directive, Field, ObjectType, type ClassType } from 'type-graphql';
import { AppError, badInput } from '../errors';

// Every subgraph pages the same way, so the type is shared across the graph.
@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection ends (Relay cursor pagination).' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, noun: string) {
  @ObjectType(`${name}Edge`, { description: `One ${noun} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this edge; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The ${noun}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${noun} records, ordered by their key.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The records of this page.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and where this one ends.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** Checks `first` against the page-size bounds. */
export function pageSize(first: number | undefined | null): number {
  const size = first ?? PAGE_SIZE.default;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE.max) {
    throw badInput(`first must be between 1 and ${PAGE_SIZE.max}.`, { argument: 'first' });
  }
  return size;
}

/** Cursors are opaque to clients: a base64url of the row's sort key, tagged with the field. */
export function encodeCursor(field: string, key: string): string {
  return Buffer.from(JSON.stringify([field, key])).toString('base64url');
}

export function decodeCursor(field: string, cursor: string | undefined | null): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded[0] === field && typeof decoded[1] === 'string') return decoded[1];
  } catch {
    // fall through to the error below: any undecodable cursor is the client's mistake
  }
  throw new AppError('INVALID_CURSOR', `The cursor was not issued by ${field}.`);
}

/**
 * Turns `size + 1` rows fetched in key order into a page: the extra row only says that
 * another page exists.
 */
export function toConnection<T>(field: string, rows: T[], size: number, keyOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(field, keyOf(node)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}
