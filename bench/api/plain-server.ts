/**
 * What a user would write instead of the product for `GET /api/v1/tasks?status=open`: a plain Fastify server with a
 * pg pool, which checks the bearer token as the product does (jose's jwtVerify, HS256, the same key, issuer and
 * audience), runs the same SQL and sends the same bytes. Bench-only, in a process of its own started by
 * tasks.bench.ts; prints its port on stdout.
 *
 * The select list is the product's TaskRepository view, written out; which tasks a user holds comes from the one
 * copy of that rule (taskHeldBy), so that both run the very same statement. The benchmark checks the bytes.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { binder, taskHeldBy } from '../../libs/persistence/src/access';
import { demoTokenVerifier } from '../support/demo-token';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SELECT = `t.id, t.nota_id AS "notaId", n.ons_kenmerk AS "onsKenmerk", n.title, t.type, t.stage, t.organisation,
  t.assignee, t.status, t.version, ${iso('t.due_at')} AS "dueAt", ${iso('t.created_at')} AS "createdAt",
  t.meeting_on::text AS "meetingOn", t.decision, t.decided_by AS "decidedBy",
  ${iso('t.decided_at')} AS "decidedAt", t.remarks, t.seen_sha256 AS "seenSha256"`;

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const verify = demoTokenVerifier(process.env.JWT_SECRET ?? '');
  const app = Fastify({ logger: false });

  app.get<{ Querystring: { status?: string } }>('/api/v1/tasks', async (request, reply) => {
    const actor = await verify(request.headers.authorization);
    if (!actor) return reply.code(401).send();
    const { bind, params } = binder();
    const where = [taskHeldBy(actor, bind, 't'), `t.status = ${bind(request.query.status ?? 'open')}`];
    const { rows } = await pool.query(
      `SELECT ${SELECT}
         FROM tasks t JOIN notas n ON n.id = t.nota_id
        WHERE ${where.join(' AND ')}
        ORDER BY t.due_at, t.id
        LIMIT ${bind(500)} OFFSET ${bind(0)}`,
      params,
    );
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows));
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  const stop = () => void app.close().then(() => pool.end());
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`plain server failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
