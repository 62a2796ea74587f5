import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toAmsterdamDate } from '@notaflow/calendar';
import type { AppConfig } from '@notaflow/config';
import { DEMO_USERS, type Actor } from '@notaflow/domain';
import {
  DeadlineEntity,
  DocumentRepository,
  NotaEntity,
  PostponementEntity,
  TaskEntity,
  withAdvisoryLock,
} from '@notaflow/persistence';
import { DeadlineService } from '../deadlines/deadline.service';
import { DocumentService } from '../documents/document.service';
import { DeadlineWatchService } from '../deadlines/deadline-watch.service';
import { APP_CONFIG } from '../config/config.module';
import { NotaService } from '../notas/nota.service';
import { TaskService } from '../tasks/task.service';
import { TurnaroundViewRefresher } from '../analytics/turnaround-view.refresher';
import { demoDeadlines, type DemoDeadline } from './demo-deadlines';
import { seedDemoHistory } from './demo-history';
import { demoDossier, type DemoNota } from './demo-dossier';
import { demoBeslisnota } from './demo-documents';

/**
 * Seeds dossier 28 638 through the same services users go through, so every demo nota has a real flow.
 * Idempotent: a nota is registered once (fixed id), and its steps resume after the decisions already taken,
 * so a second `npm start` (or one interrupted halfway) adds nothing twice.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);
  private running: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notas: NotaService,
    private readonly tasks: TaskService,
    private readonly deadlines: DeadlineService,
    private readonly watches: DeadlineWatchService,
    private readonly analytics: TurnaroundViewRefresher,
    private readonly documents: DocumentService,
    private readonly documentRepository: DocumentRepository,
  ) {}

  onApplicationBootstrap(): void {
    // SEED_DEMO=users asks for the demo users alone (DemoUsersProvisioner), not the dossier.
    if (this.config.SEED_DEMO !== true) return;
    // In the background: the flows need a worker, which may start after the API.
    this.running = this.seed().catch((error: unknown) => this.logger.error({ err: error }, 'demo seed failed'));
  }

  /** For tests and scripts that must wait for the demo data. */
  whenSeeded(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * Once per system: replicas starting together on one database take turns, and the later ones find everything in
   * place (every step is idempotent, but two at once would both register the same nota).
   */
  seed(): Promise<void> {
    return withAdvisoryLock(this.dataSource, 'demo-seed', () => this.seedOnce());
  }

  private async seedOnce(): Promise<void> {
    await this.waitForDemoUsers();
    // What is still open is dated from today; a second start finds it seeded and leaves it as it was.
    const today = toAmsterdamDate(new Date());
    const notas = demoDossier(today);
    const deadlines = demoDeadlines(today);
    for (const demo of notas) await this.seedNota(demo);
    for (const demo of deadlines) await this.seedDeadline(demo);
    // The history is in place: now the open deadlines get their watches (reminders, and the miss).
    const open = await this.dataSource.getRepository(DeadlineEntity).findBy({ status: 'open' });
    await this.watches.changed(open.filter((d) => deadlines.some((demo) => demo.id === d.id)).map((d) => d.id));
    // A year of finished notas for the dashboard; the analytics view takes them in at once, not at its next refresh.
    const written = await this.dataSource.transaction((db) => seedDemoHistory(db, new Date()));
    if (written) await this.analytics.refresh();
    this.logger.log(`demo dossier 28 638 ready (${notas.length} notas, ${deadlines.length} deadlines)`);
  }

  /** Registered, postponed and closed as it happened; each step is skipped when it is already in place. */
  private async seedDeadline(demo: DemoDeadline): Promise<void> {
    const staff = actor('jenv.staff');
    const options = { watch: false };
    let deadline = await this.dataSource.getRepository(DeadlineEntity).findOneBy({ id: demo.id });
    if (!deadline) {
      await this.deadlines.create(
        staff,
        {
          kind: demo.kind,
          title: demo.title,
          dossier: '28 638',
          dueOn: demo.dueOn,
          notaId: demo.notaId,
          recurrence: demo.recurrence,
          ...(demo.preset ? { preset: demo.preset.name, presetFrom: demo.preset.from } : {}),
        },
        { ...options, id: demo.id },
      );
      deadline = await this.dataSource.getRepository(DeadlineEntity).findOneByOrFail({ id: demo.id });
    }
    if (demo.postponement && deadline.status === 'open') {
      const { requestedDueOn, reason, notaId, grantedDueOn } = demo.postponement;
      let postponement = await this.dataSource.getRepository(PostponementEntity).findOneBy({ deadlineId: demo.id });
      if (!postponement) {
        await this.deadlines.requestPostponement(staff, demo.id, { requestedDueOn, reason, notaId });
        postponement = await this.dataSource.getRepository(PostponementEntity).findOneByOrFail({ deadlineId: demo.id });
      }
      if (postponement.status === 'requested') {
        await this.deadlines.recordOutcome(
          actor('jenv.management'),
          postponement.id,
          { outcome: 'granted', newDueOn: grantedDueOn },
          options,
        );
      }
    }
    if (demo.outcome && deadline.status === 'open') {
      await this.deadlines.setStatus(staff, demo.id, { status: demo.outcome }, options);
    }
  }

  private async seedNota(demo: DemoNota): Promise<void> {
    const staff = actor('jenv.staff');
    let nota = await this.dataSource.getRepository(NotaEntity).findOneBy({ id: demo.id });
    if (!nota) {
      await this.notas.register(
        staff,
        { title: demo.title, dossier: demo.dossier, uwKenmerk: demo.uwKenmerk, dueOn: demo.dueOn, route: demo.route },
        { id: demo.id, onsKenmerk: demo.onsKenmerk },
      );
      nota = await this.dataSource.getRepository(NotaEntity).findOneByOrFail({ id: demo.id });
    }
    if (nota.status === 'draft' && !(await this.documentRepository.notaDocument(demo.id, 1))) {
      await this.documents.write(staff, demo.id, demoBeslisnota(demo, toAmsterdamDate(new Date())));
    }
    if (nota.status === 'draft' && demo.steps.length === 0 && !demo.submit) return;
    if (nota.status === 'draft') await this.notas.submit(staff, demo.id);

    const taken = Number(
      (
        await this.dataSource.query(
          `SELECT count(*) AS n FROM flow_events WHERE nota_id = $1 AND type IN ('task_decided', 'version_submitted')`,
          [demo.id],
        )
      )[0].n,
    );
    for (const step of demo.steps.slice(taken)) {
      const who = actor(step.who);
      if (step.decision === 'new_version') {
        await this.notas.newVersion(who, demo.id, step.remarks);
        continue;
      }
      const task = await this.waitForTask(demo.id, who);
      // Every decision names the text its holder read: the current version's nota document.
      const seen = await this.documentRepository.notaDocument(demo.id, task.version);
      await this.tasks.decide(who, task.id, {
        decision: step.decision,
        remarks: step.remarks,
        seenSha256: seen!.sha256,
      });
    }
    if (demo.kamerstuk) {
      const done = await this.dataSource.getRepository(NotaEntity).findOneByOrFail({ id: demo.id });
      if (done.kamerstukNumber === null) await this.notas.recordKamerstuk(staff, demo.id, demo.kamerstuk);
    }
  }

  /** The demo identity provider adds its users at bootstrap too; the route of every demo nota names them. */
  private async waitForDemoUsers(): Promise<void> {
    const names = DEMO_USERS.map((u) => u.username);
    for (let attempt = 0; attempt < 300; attempt++) {
      const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM users WHERE username = ANY($1)', [
        names,
      ]);
      if (n === names.length) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the demo users are missing');
  }

  /** The open task the actor holds on the nota, once the flow has opened it. */
  private async waitForTask(notaId: string, who: Actor): Promise<TaskEntity> {
    for (let attempt = 0; attempt < 600; attempt++) {
      const [task] = await this.tasks.list(who, { status: 'open', notaId });
      if (task) return this.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: task.id });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no open task for ${who.username} on nota ${notaId}`);
  }
}

function actor(username: string): Actor {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`unknown demo user ${username}`);
  return { username: user.username, role: user.role, organisation: user.organisation };
}
