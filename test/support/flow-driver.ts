import { pdfWith, upload } from './documents';
import { ApiClient, DEMO_ROUTE, type Reply } from './http';

export const USERNAMES = {
  staff: 'jenv.staff',
  afdelingshoofd: 'jenv.afdelingshoofd',
  directeur: 'jenv.directeur',
  dg: 'jenv.dg',
  bewindspersoon: 'jenv.bewindspersoon',
  vws: 'vws.signer',
  bz: 'bz.signer',
  bho: 'bho.signer',
  szw: 'szw.signer',
  mr: 'mr.secretariaat',
  management: 'jenv.management',
} as const;
export type Who = keyof typeof USERNAMES;

/** Every demo user logged in, and the steps of a flow as those users take them through the API. */
export class FlowDriver {
  private constructor(readonly as: Record<Who, ApiClient>) {}

  static async create(baseUrl: string): Promise<FlowDriver> {
    const entries = await Promise.all(
      (Object.keys(USERNAMES) as Who[]).map(
        async (who) => [who, await ApiClient.login(baseUrl, USERNAMES[who])] as const,
      ),
    );
    return new FlowDriver(Object.fromEntries(entries) as Record<Who, ApiClient>);
  }

  async register(overrides: Record<string, unknown> = {}): Promise<any> {
    const reply = await this.as.staff.post('/notas', {
      title: 'Actieplan programma Samen tegen mensenhandel',
      dossier: '28 638',
      uwKenmerk: '2023Z13980/2023D36886',
      route: DEMO_ROUTE,
      dueOn: '2024-06-21',
      ...overrides,
    });
    expect(reply.status).toBe(201);
    return reply.body;
  }

  async registerAndSubmit(overrides: Record<string, unknown> = {}): Promise<any> {
    const nota = await this.register(overrides);
    await this.addNotaDocument(nota.id);
    const submitted = await this.as.staff.post(`/notas/${nota.id}/submit`);
    expect(submitted.status).toBe(202);
    return nota;
  }

  /**
   * Uploads a nota document to the open version, as a drafter does before submitting or answering with a new
   * version; its text names the nota and `text`, so each version's document differs. Answers its SHA-256.
   */
  async addNotaDocument(notaId: string, text = 'versie 1'): Promise<string> {
    const bytes = await pdfWith(`Nota ${notaId}: ${text}`);
    const reply = await upload(
      this.as.staff.baseUrl,
      this.as.staff.token!,
      notaId,
      { role: 'nota' },
      {
        bytes,
        fileName: 'nota.pdf',
      },
    );
    if (reply.status !== 201) throw new Error(`upload: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.sha256;
  }

  /** The SHA-256 of the nota document `who` reads now: what their decision names. */
  async seen(notaId: string, who: Who): Promise<string> {
    const reply = await this.as[who].get(`/notas/${notaId}`);
    if (reply.status !== 200) throw new Error(`${who} reads ${notaId}: ${reply.status}`);
    return reply.body.documentSha256;
  }

  async openTasks(who: Who, notaId: string): Promise<any[]> {
    const reply = await this.as[who].get(`/tasks?status=open&notaId=${notaId}`);
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** The one open task `who` holds on the nota, decided; fails the test unless the flow answered 200. */
  async decide(who: Who, notaId: string, decision: string, extra: Record<string, unknown> = {}): Promise<any> {
    const reply = await this.tryDecide(who, notaId, decision, extra);
    if (reply.status !== 200) throw new Error(`${who} ${decision}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  async tryDecide(who: Who, notaId: string, decision: string, extra: Record<string, unknown> = {}): Promise<Reply> {
    const tasks = await this.openTasks(who, notaId);
    if (tasks.length !== 1) throw new Error(`${who} holds ${tasks.length} open tasks on ${notaId}, expected 1`);
    return this.as[who].post(`/tasks/${tasks[0].id}/decision`, {
      decision,
      remarks: `${decision} door ${who}`,
      seenSha256: await this.seen(notaId, who),
      ...extra,
    });
  }

  async nota(notaId: string, who: Who = 'staff'): Promise<any> {
    const reply = await this.as[who].get(`/notas/${notaId}`);
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** Initialling by the three line managers and the decision of the bewindspersoon. */
  async throughDecision(notaId: string): Promise<void> {
    for (const who of ['afdelingshoofd', 'directeur', 'dg', 'bewindspersoon'] as const) {
      await this.decide(who, notaId, 'approve');
    }
  }

  async coSignAll(notaId: string): Promise<void> {
    await Promise.all((['vws', 'bz', 'bho', 'szw'] as const).map((who) => this.decide(who, notaId, 'approve')));
  }
}
