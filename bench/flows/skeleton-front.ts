/**
 * The skeleton's HTTP front, what a minimal service over the same Temporal client would be: Fastify, the bearer token
 * checked (the product's demo key), then one Temporal call per request: start + the `started` Update, the snapshot
 * Query for a holder's open tasks, the `decide` Update. No database, no documents, no rules beyond the workflow's
 * own validator. In a process of its own like the product's API (started by throughput.bench.ts); prints its port.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { mayActOnTask, type RouteChoice } from '@notaflow/domain';
import { demoTokenVerifier } from '../support/demo-token';
import {
  SKELETON_WORKFLOW,
  skeletonDecideUpdate,
  skeletonSnapshotQuery,
  skeletonStartedUpdate,
  type SkeletonInput,
} from './skeleton.workflow';

async function main(): Promise<void> {
  const verify = demoTokenVerifier(process.env.JWT_SECRET ?? '');
  const client = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }) });
  const taskQueue = process.env.TEMPORAL_TASK_QUEUE!;
  const app = Fastify({ logger: false });

  app.post<{ Body: { route: RouteChoice; documentSha256: string } }>('/skeleton/flows', async (request, reply) => {
    const actor = await verify(request.headers.authorization);
    if (!actor) return reply.code(401).send();
    const id = `skeleton-${randomUUID()}`;
    const input: SkeletonInput = { ...request.body, organisation: actor.organisation };
    const handle = await client.workflow.start(SKELETON_WORKFLOW, { workflowId: id, taskQueue, args: [input] });
    const snapshot = await handle.executeUpdate(skeletonStartedUpdate);
    return reply.code(202).send({ id, ...snapshot });
  });

  app.get<{ Params: { id: string } }>('/skeleton/flows/:id/tasks', async (request, reply) => {
    const actor = await verify(request.headers.authorization);
    if (!actor) return reply.code(401).send();
    const snapshot = await client.workflow.getHandle(request.params.id).query(skeletonSnapshotQuery);
    return snapshot.openTasks.filter((task) => mayActOnTask(task, actor));
  });

  app.post<{
    Params: { id: string; taskId: string };
    Body: { decision: string; remarks?: string; seenSha256?: string };
  }>('/skeleton/flows/:id/tasks/:taskId/decision', async (request, reply) => {
    const actor = await verify(request.headers.authorization);
    if (!actor) return reply.code(401).send();
    try {
      return await client.workflow
        .getHandle(request.params.id)
        .executeUpdate(skeletonDecideUpdate, { args: [{ ...request.body, taskId: request.params.taskId, actor }] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) return reply.code(409).send({ refused: error.cause?.message });
      throw error;
    }
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  const stop = () => void app.close().then(() => client.connection.close());
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`skeleton front failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
