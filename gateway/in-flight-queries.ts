import { IDENTITY_HEADERS } from '../lib/auth';
import type { Fetcher } from './subgraph-connections';

type FetchedResponse = Awaited<ReturnType<Fetcher>>;

interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** Only queries are shared: a mutation sent twice must run twice. Bodies of another shape are never shared. */
export const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

const answerOf = async (response: FetchedResponse): Promise<SharedAnswer> => ({
  status: response.status,
  statusText: response.statusText,
  headers: [...response.headers],
  body: await response.arrayBuffer(),
});

const responseOf = (answer: SharedAnswer) =>
  new Response(answer.body.byteLength === 0 ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });

/**
 * While a subgraph query is on its way, the same query for the same caller (same subgraph, same
 * signed identity, same body) waits for its answer instead of being sent again: dashboards
 * polled by one caller, or a page asking twice for one province, cost the subgraph one call.
 * Nothing is kept once the answer is in; different callers never share, since the identity is
 * part of what must match.
 */
export function sharingInFlightQueries(send: Fetcher): Fetcher {
  const inFlight = new Map<string, Promise<SharedAnswer>>();
  return async (url, init = {}) => {
    const body = init.body === undefined ? '' : init.body.toString();
    if (!isQuery(body)) return send(url, init);
    const key = `${url}\n${init.headers?.[IDENTITY_HEADERS.identity] ?? ''}\n${body}`;
    let answer = inFlight.get(key);
    if (!answer) {
      answer = send(url, init).then(answerOf);
      const forget = () => inFlight.delete(key);
      answer.then(forget, forget);
      inFlight.set(key, answer);
    }
    return responseOf(await answer);
  };
}
