import { ApiClient } from '../../support/http';
import { pdfWith, upload } from '../../support/documents';

/** A short route that still has a parallel stage (two co-signing ministries) and the ministerraad's hold. */
export const CHAOS_ROUTE = {
  reviewers: ['jenv.dg'],
  decider: 'jenv.bewindspersoon',
  coSigners: ['VWS', 'SZW'],
  ministerraad: true,
};

/** The demo users who act on that route. */
const USERS = {
  staff: 'jenv.staff',
  dg: 'jenv.dg',
  bewindspersoon: 'jenv.bewindspersoon',
  vws: 'vws.signer',
  szw: 'szw.signer',
  mr: 'mr.secretariaat',
} as const;
type Who = keyof typeof USERS;

export interface ChaosFlow {
  index: number;
  notaId: string;
  workflowId: string;
  onsKenmerk: string;
  /** Every fifth flow is held over by the ministerraad once before it is approved. */
  hold: boolean;
}

/** One decision as a user sent it, and what the API answered (0: no answer, the connection failed). */
export interface DecisionAttempt {
  fault: string;
  notaId: string;
  taskId: string;
  username: string;
  decision: string;
  status: number;
  detail?: string;
}

export interface Task {
  id: string;
  type: 'initial' | 'decide' | 'co-sign' | 'ministerraad' | 'dispatch';
  organisation: string;
  assignee: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` on each item with at most `concurrency` at once. */
export async function eachLimited<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * Drives flows through the HTTP API as the demo users do: register and submit as jenv.staff, then each open task
 * decided by the user who holds it. Every decision sent is recorded with the API's answer, so that afterwards the
 * ones answered 200 can be looked up in the event log.
 */
export class ChaosDriver {
  readonly attempts: DecisionAttempt[] = [];
  fault = '';

  private constructor(private readonly as: Record<Who, ApiClient>) {}

  static async create(baseUrl: string): Promise<ChaosDriver> {
    const entries = await Promise.all(
      (Object.keys(USERS) as Who[]).map(async (who) => [who, await ApiClient.login(baseUrl, USERS[who])] as const),
    );
    return new ChaosDriver(Object.fromEntries(entries) as Record<Who, ApiClient>);
  }

  /** Registers and submits `count` notas; each answer must be the normal one (no fault is running yet). */
  async startFlows(count: number, label: string, concurrency = 6): Promise<ChaosFlow[]> {
    const flows: ChaosFlow[] = [];
    await eachLimited([...Array(count).keys()], concurrency, async (index) => {
      const registered = await this.as.staff.post('/notas', {
        title: `Chaos ${label} ${index + 1}: Actieplan programma Samen tegen mensenhandel`,
        dossier: '28 638',
        route: CHAOS_ROUTE,
        dueOn: '2026-12-18',
      });
      if (registered.status !== 201)
        throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
      const document = await upload(
        this.as.staff.baseUrl,
        this.as.staff.token!,
        registered.body.id,
        { role: 'nota' },
        {
          bytes: await pdfWith(`Chaos ${label} ${index + 1}`),
          fileName: 'nota.pdf',
        },
      );
      if (document.status !== 201) throw new Error(`upload: ${document.status} ${JSON.stringify(document.body)}`);
      await this.submit(registered.body.id);
      flows.push({
        index,
        notaId: registered.body.id,
        workflowId: `nota-${registered.body.id}`,
        onsKenmerk: registered.body.onsKenmerk,
        hold: index % 5 === 4,
      });
    });
    return flows.sort((a, b) => a.index - b.index);
  }

  /**
   * Submits as a client should: a 503 (the flow did not answer in time on a loaded machine) may still have started
   * the flow, so the nota is read before the request is sent again.
   */
  private async submit(notaId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const submitted = await this.as.staff.post(`/notas/${notaId}/submit`);
      if (submitted.status === 202) return;
      const started = submitted.status === 503 && (await this.nota(notaId)).status !== 'draft';
      if (started) return;
      if (submitted.status !== 503 || attempt === 3) {
        throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      }
    }
  }

  /** The status a read answers with (0: no answer), as jenv.staff. */
  async probe(path: string): Promise<number> {
    return this.as.staff.get(path).then(
      (reply) => reply.status,
      () => 0,
    );
  }

  async nota(notaId: string): Promise<any> {
    const reply = await this.as.staff.get(`/notas/${notaId}`);
    if (reply.status !== 200) throw new Error(`GET /notas/${notaId}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** Who holds a task, and what they decide: everyone approves, but a hold flow's first ministerraad task is held. */
  private actorFor(task: Task, flow: ChaosFlow, nota: any): { who: Who; decision: string } {
    switch (task.type) {
      case 'initial':
      case 'decide': {
        const who = (Object.keys(USERS) as Who[]).find((w) => USERS[w] === task.assignee);
        if (!who) throw new Error(`no demo user ${task.assignee} in the chaos route`);
        return { who, decision: 'approve' };
      }
      case 'co-sign':
        return { who: task.organisation === 'VWS' ? 'vws' : 'szw', decision: 'approve' };
      case 'ministerraad': {
        const meetings = (nota.tasks as Task[]).filter((t) => t.type === 'ministerraad').length;
        return { who: 'mr', decision: flow.hold && meetings === 1 ? 'hold' : 'approve' };
      }
      case 'dispatch':
        return { who: 'staff', decision: 'approve' };
    }
  }

  /** Sends one decision and records the answer; never throws (a dropped connection is status 0). */
  async decide(flow: ChaosFlow, task: Task, nota: any): Promise<DecisionAttempt> {
    const { who, decision } = this.actorFor(task, flow, nota);
    const attempt: DecisionAttempt = {
      fault: this.fault,
      notaId: flow.notaId,
      taskId: task.id,
      username: USERS[who],
      decision,
      status: 0,
    };
    this.attempts.push(attempt);
    try {
      const reply = await this.as[who].post(`/tasks/${task.id}/decision`, {
        decision,
        remarks: `chaos ${this.fault}`,
        seenSha256: nota.documentSha256,
      });
      attempt.status = reply.status;
      if (reply.status !== 200) attempt.detail = JSON.stringify(reply.body).slice(0, 300);
    } catch (error) {
      attempt.detail = String((error as Error).cause ?? (error as Error).message).slice(0, 300);
    }
    return attempt;
  }

  /** The next single decision of a flow (the first open task, in a stable order); undefined when none is open. */
  async decideNext(flow: ChaosFlow): Promise<DecisionAttempt | undefined> {
    const nota = await this.nota(flow.notaId);
    const [task] = [...(nota.openTasks as Task[])].sort((a, b) => a.organisation.localeCompare(b.organisation));
    return task ? this.decide(flow, task, nota) : undefined;
  }

  /**
   * The second open task of each flow that has two (co-signing): the wave decides the first, and these are
   * decided while the fault lasts, on tasks known from before it (a read during an outage may fail itself).
   */
  async spareTasks(flows: ChaosFlow[]): Promise<{ flow: ChaosFlow; task: Task; nota: any }[]> {
    const spare: { flow: ChaosFlow; task: Task; nota: any }[] = [];
    for (const flow of flows) {
      const nota = await this.nota(flow.notaId);
      const open = [...(nota.openTasks as Task[])].sort((a, b) => a.organisation.localeCompare(b.organisation));
      if (open.length > 1) spare.push({ flow, task: open[1], nota });
    }
    return spare;
  }

  /** Takes `count` decisions, one after the other, each of which must be answered 200 (no fault yet). */
  async advance(flow: ChaosFlow, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const attempt = await this.decideNext(flow);
      if (attempt?.status !== 200) {
        throw new Error(
          `advancing ${flow.notaId}: ${attempt ? `${attempt.status} ${attempt.detail}` : 'no open task'}`,
        );
      }
    }
  }

  /**
   * Drives every flow until its nota is dispatched: each open task decided by its holder; a decision the API could
   * not take (409 while the flow still applies an earlier one, 503, a dropped connection) is looked at again after a
   * pause, from the read model, so one taken late is never taken twice.
   */
  async complete(flows: ChaosFlow[], timeoutMs: number, concurrency = 6): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const unfinished: string[] = [];
    await eachLimited(flows, concurrency, async (flow) => {
      for (;;) {
        let nota: any;
        try {
          nota = await this.nota(flow.notaId);
        } catch {
          nota = undefined;
        }
        if (nota?.status === 'dispatched') return;
        if (Date.now() > deadline) {
          unfinished.push(`${flow.notaId} (${nota ? `${nota.status}/${nota.stage}` : 'unreadable'})`);
          return;
        }
        const open = (nota?.openTasks ?? []) as Task[];
        const attempts = await Promise.all(open.map((task) => this.decide(flow, task, nota)));
        if (!open.length || attempts.some((a) => a.status !== 200)) await sleep(1000);
      }
    });
    if (unfinished.length) {
      throw new Error(
        `${unfinished.length} flows not dispatched within ${timeoutMs / 1000} s: ${unfinished.join(', ')}`,
      );
    }
  }

  taken(fault: string): DecisionAttempt[] {
    return this.attempts.filter((a) => a.fault === fault && a.status === 200);
  }

  /** The answers other than 200 of a fault, by status: what the users saw while it lasted. */
  refusals(fault: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const a of this.attempts.filter((x) => x.fault === fault && x.status !== 200)) {
      counts[a.status] = (counts[a.status] ?? 0) + 1;
    }
    return counts;
  }
}
