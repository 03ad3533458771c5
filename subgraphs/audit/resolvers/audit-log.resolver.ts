import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { requiresScopes } from '../../../lib/auth';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../../lib/graphql/connection';
import { PAGE_OF_EDGES } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { listAuditLog, toAccessRecord } from '../data/access-record.repository';
import { auditViewOf, noteSubjects } from '../rules/audit-view';
import { atRange, parseSeqKey } from '../rules/log-position';
import { auditKindOf } from '../types/access-kind.type';
import { AccessRecordConnection } from '../types/access-record-connection.type';
import { AccessRecord } from '../types/access-record.type';
import { AuditLogFilter } from '../types/audit-log-filter.type';

const FIELD = 'auditLog';

@Resolver(() => AccessRecord)
export class AuditLogResolver {
  @Directive(PAGE_OF_EDGES)
  @Directive(requiresScopes(['audit:read']))
  @Query(() => AccessRecordConnection, { nullable: true, description: 'Search the audit log of every read and change of personal data, newest first, a page at a time (inspectors).' })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Conditions every record must meet.' }) filter: AuditLogFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AccessRecord>> {
    const size = pageSize(first);
    const key = decodeCursor(FIELD, after);
    const range = atRange(filter?.from, filter?.to);
    // A citizen reads their log through Citizen.accessLog only; the search is for inspectors.
    if (auditViewOf(ctx.caller).kind !== 'all') return toConnection<AccessRecord>(FIELD, [], size, (r) => r.seq);
    const rows = await listAuditLog(ctx.db, {
      citizen: filter?.citizen,
      subject: filter?.subject,
      role: filter?.role,
      kind: filter?.kind ? auditKindOf(filter.kind) : null,
      ...range,
      beforeSeq: key === undefined ? undefined : parseSeqKey(key),
      limit: size + 1,
    });
    const connection = toConnection(FIELD, rows.map(toAccessRecord), size, (r) => r.seq);
    noteSubjects(ctx, connection.edges.map((edge) => edge.node));
    return connection;
  }
}
