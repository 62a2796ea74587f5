import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DEMO_USERS, buildRouteTemplate, type Actor, type RouteChoice } from '@notaflow/domain';
import {
  NOTA_FLOW_WORKFLOW,
  decideUpdate,
  notaWorkflowId,
  snapshotQuery,
  startedUpdate,
  type FlowSnapshot,
  type FlowTask,
  type NotaFlowInput,
} from '@notaflow/temporal';
import type { notaFlowWorkflow, pingWorkflow } from '@notaflow/workflows';

/** The demo route: three reviewers, the minister, four co-signing ministries, the ministerraad, dispatch. */
export const FULL_ROUTE: RouteChoice = {
  reviewers: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
  decider: 'jenv.bewindspersoon',
  coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
  ministerraad: true,
};

const asActor = (user: (typeof DEMO_USERS)[number]): Actor => ({
  username: user.username,
  role: user.role,
  organisation: user.organisation,
});

/** Who decides a task, as the API's rules (mayActOnTask) have it: the assignee, or the organisation's role holder. */
export function holderOf(task: FlowTask): Actor {
  const user = DEMO_USERS.find((u) => {
    switch (task.type) {
      case 'initial':
      case 'decide':
        return u.username === task.assignee;
      case 'co-sign':
        return u.role === 'cosigner' && u.organisation === task.organisation;
      case 'ministerraad':
        return u.role === 'ministerraad';
      case 'dispatch':
        return u.role === 'drafter' && u.organisation === task.organisation;
    }
  });
  if (!user) throw new Error(`no demo user holds a ${task.type} task of ${task.organisation}`);
  return asActor(user);
}

type NotaFlowHandle = WorkflowHandle<typeof notaFlowWorkflow>;

/**
 * One nota, registered as the API's `POST /notas` leaves it (the row the flow's activities update, its ons kenmerk
 * from the sequence) and its flow started as `POST /notas/:id/submit` starts it: start, then the `started` Update,
 * which answers once the first task is open.
 */
export async function startNotaFlow(
  client: Client,
  dataSource: DataSource,
  taskQueue: string,
  choice: RouteChoice = FULL_ROUTE,
): Promise<{ handle: NotaFlowHandle; workflowId: string; snapshot: FlowSnapshot }> {
  const notaId = randomUUID();
  const route = buildRouteTemplate(choice);
  const title = 'Voortgangsrapportage aanpak mensenhandel';
  const [{ ons_kenmerk: onsKenmerk }] = (await dataSource.query(
    `INSERT INTO notas (id, ons_kenmerk, title, dossier, organisation_code, created_by, route)
     VALUES ($1, nextval('ons_kenmerk_seq')::text, $2, '28 638', 'JENV', 'jenv.staff', $3)
     RETURNING ons_kenmerk`,
    [notaId, title, JSON.stringify(route)],
  )) as { ons_kenmerk: string }[];
  const input: NotaFlowInput = {
    notaId,
    onsKenmerk,
    title,
    organisation: 'JENV',
    submittedBy: 'jenv.staff',
    version: 1,
    route,
  };
  const workflowId = notaWorkflowId(notaId);
  const handle = await client.workflow.start<typeof notaFlowWorkflow>(NOTA_FLOW_WORKFLOW, {
    workflowId,
    taskQueue,
    args: [input],
  });
  const snapshot = await handle.executeUpdate(startedUpdate);
  return { handle, workflowId, snapshot };
}

/**
 * Approves every open task (the co-signers at once, as four ministries would), then reads the open tasks again
 * with the snapshot query; until the flow reaches `until` or ends.
 */
export async function approveUntil(
  handle: NotaFlowHandle,
  first: FlowSnapshot,
  until: (snapshot: FlowSnapshot) => boolean,
): Promise<FlowSnapshot> {
  let snapshot = first;
  while (!until(snapshot) && snapshot.openTasks.length > 0) {
    const results = await Promise.all(
      snapshot.openTasks.map((task) =>
        handle.executeUpdate(decideUpdate, {
          args: [{ taskId: task.id, actor: holderOf(task), decision: 'approve', remarks: 'akkoord' }],
        }),
      ),
    );
    if (results.some((r) => r.nota.status === 'dispatched')) {
      await handle.result();
      return { ...snapshot, status: 'dispatched', stage: 'done', openTasks: [] };
    }
    snapshot = await handle.query(snapshotQuery);
  }
  return snapshot;
}

/** A whole flow, from registration to dispatch: 10 tasks on the full route. */
export async function runFullFlow(client: Client, dataSource: DataSource, taskQueue: string): Promise<string> {
  const { handle, workflowId, snapshot } = await startNotaFlow(client, dataSource, taskQueue);
  const end = await approveUntil(handle, snapshot, () => false);
  if (end.status !== 'dispatched') throw new Error(`${workflowId} ended ${end.status}, not dispatched`);
  return workflowId;
}

/** A flow taken to co-signing: four co-sign tasks open, each with its reminder and escalation timers. */
export async function runToCoSigning(
  client: Client,
  dataSource: DataSource,
  taskQueue: string,
  choice: RouteChoice = FULL_ROUTE,
): Promise<string> {
  const { handle, workflowId, snapshot } = await startNotaFlow(client, dataSource, taskQueue, choice);
  const parked = await approveUntil(handle, snapshot, (s) => s.stage === 'co-signing');
  if (parked.stage !== 'co-signing' || parked.openTasks.length !== choice.coSigners.length) {
    throw new Error(`${workflowId} stands at ${parked.stage} with ${parked.openTasks.length} open tasks`);
  }
  return workflowId;
}

/** The one-activity workflow: api or client -> server -> worker -> activity (SELECT now()) -> result. */
export async function runPing(client: Client, taskQueue: string, workflowId: string): Promise<string> {
  await client.workflow.execute<typeof pingWorkflow>('pingWorkflow', {
    workflowId,
    taskQueue,
    args: [{ message: 'ping' }],
  });
  return workflowId;
}
