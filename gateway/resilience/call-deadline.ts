/**
 * The instant (epoch milliseconds, this process's clock) by which a subgraph call must be answered.
 * It travels from the data source, which knows the operation's deadline, through the fetchers to
 * the connection that enforces it, as a header each layer can read; the connection strips it, so
 * no subgraph ever sees it.
 */
export const DEADLINE_HEADER = 'x-lienthong-deadline';

type HeaderRecord = Record<string, string> | undefined;

/** The call's deadline, or undefined when none was set. */
export function deadlineOf(headers: HeaderRecord): number | undefined {
  const value = headers?.[DEADLINE_HEADER];
  return value === undefined ? undefined : Number(value);
}

/** The same headers with the deadline set to `deadline`. */
export const withDeadline = (headers: HeaderRecord, deadline: number): Record<string, string> => ({ ...headers, [DEADLINE_HEADER]: String(deadline) });

/** The headers to send: the deadline removed. */
export function withoutDeadline(headers: HeaderRecord): Record<string, string> {
  const { [DEADLINE_HEADER]: _deadline, ...sent } = headers ?? {};
  return sent;
}

/** A subgraph call that ran out of time: its own limit or the operation's. */
export class SubgraphTimeout extends Error {
  override readonly name = 'SubgraphTimeout';
}
