/**
 * How an audit record is written as text, for the two things that cover it: the database's hash
 * chain (subgraphs/audit, `audit_canonical_text`) and the gateway's batch signatures (seal.ts).
 * Fields are separated by `|`; a null is `\N`; in a value, `\`, `|` and `,` are escaped with `\`;
 * a list is its length, `:`, then its escaped elements joined by `,`; a time is UTC ISO-8601 with
 * milliseconds. Escaping keeps the text unambiguous: no edit can move characters from one field
 * to another and keep the text.
 */

/** A record's own columns: everything but its place in the chain and the signature over it. */
export interface RecordContent {
  at: Date;
  requestId: string;
  subject: string;
  role: string;
  province: string | null;
  purpose: string | null;
  operationName: string | null;
  citizens: readonly string[];
  fields: readonly string[];
  kind: string;
  outcome: string | null;
  errorCodes: readonly string[];
}

export const textValue = (text: string | null): string => (text === null ? '\\N' : text.replace(/[\\|,]/g, (c) => `\\${c}`));

export const textList = (elements: readonly string[]): string => `${elements.length}:${elements.map(textValue).join(',')}`;

/** The columns every version of the log has had, in column order. */
export const readText = (r: RecordContent): string =>
  [r.at.toISOString(), textValue(r.requestId), textValue(r.subject), textValue(r.role), textValue(r.province), textValue(r.purpose), textValue(r.operationName), textList(r.citizens), textList(r.fields)].join('|');

/** The columns migration 005 added: what kind of record, and how a change went. */
export const kindText = (r: RecordContent): string => [textValue(r.kind), textValue(r.outcome), textList(r.errorCodes)].join('|');

/** Everything a record says, as the gateway signs it (its number in the chain is not known yet). */
export const contentText = (r: RecordContent): string => `${readText(r)}|${kindText(r)}`;
