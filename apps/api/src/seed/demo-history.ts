import type { EntityManager } from 'typeorm';
import { addWorkingDays, amsterdamEndOfDayInstant, nextMinisterraad, toAmsterdamDate } from '@notaflow/calendar';
import { buildRouteTemplate, DEFAULT_STAGE_SLA_WORKING_DAYS, type RouteChoice } from '@notaflow/domain';
import { NEXT_ONS_KENMERK_SQL } from '@notaflow/persistence';

/**
 * A year of finished notas for the demo's management dashboard: flows that ran before the demo existed cannot be
 * run again through the engine, so their record is written as the flow writes it (notas, tasks, flow events), from a
 * fixed seed so every start writes the same. It tells a story to look for: co-signing is where the time goes, VWS
 * takes longest, and one nota in ten goes back to the directorate.
 */
export const DEMO_HISTORY_NOTAS = 160;
/** Marks the history's notas: the first one present means the history is. */
export const DEMO_HISTORY_FIRST_ID = '28638e00-0000-4000-8000-000000000000';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const REVIEWERS = ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'];
/** Median hours each holder takes, and how much it varies (the sigma of a log-normal). */
const PACE: Record<string, [number, number]> = {
  initial: [18, 0.7],
  decide: [40, 0.6],
  VWS: [150, 0.5],
  BZ: [45, 0.5],
  BHO: [70, 0.6],
  SZW: [95, 0.5],
  BZK: [55, 0.5],
  dispatch: [20, 0.6],
};
const SUBJECTS = [
  'Voortgang aanpak mensenhandel',
  'Beantwoording Kamervragen over arbeidsuitbuiting',
  'Reactie op het rapport van de Nationaal Rapporteur',
  'Uitvoering motie over opvang van slachtoffers',
  'Verzamelbrief criminele uitbuiting',
  'Kamerbrief over de klantaanpak',
  'Stand van zaken internationale samenwerking',
  'Bescherming van minderjarigen online',
];
const DOSSIERS = ['28 638', '28 638', '28 638', '29 279', '36 410-VI'];

interface Writer {
  notaId: string;
  workflowId: string;
  seq: number;
}

/** Writes the history once; answers how many notas it wrote (0 when it was there already). */
export async function seedDemoHistory(db: EntityManager, now: Date): Promise<number> {
  const [present] = await db.query(`SELECT 1 FROM notas WHERE id = $1`, [DEMO_HISTORY_FIRST_ID]);
  if (present) return 0;
  const random = mulberry32(28638);
  for (let i = 0; i < DEMO_HISTORY_NOTAS; i++) {
    // Spread over the year before the last month, in office hours.
    const startDay = toAmsterdamDate(new Date(now.getTime() - (30 + random() * 335) * DAY_MS));
    const start = new Date(
      new Date(`${addWorkingDays(startDay, 0)}T09:00:00+01:00`).getTime() + random() * 6 * HOUR_MS,
    );
    const coSigners = ['VWS', 'BZ', 'BHO', 'SZW', 'BZK'].filter(() => random() < 0.35);
    const route: RouteChoice = {
      reviewers: REVIEWERS,
      decider: 'jenv.bewindspersoon',
      coSigners,
      ministerraad: random() < 0.3,
    };
    const id = i === 0 ? DEMO_HISTORY_FIRST_ID : `28638e00-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await writeNota(db, random, { id, start, route, index: i });
  }
  return DEMO_HISTORY_NOTAS;
}

async function writeNota(
  db: EntityManager,
  random: () => number,
  { id, start, route, index }: { id: string; start: Date; route: RouteChoice; index: number },
): Promise<void> {
  const title = `${SUBJECTS[index % SUBJECTS.length]} (${toAmsterdamDate(start).slice(0, 7)})`;
  await db.query(
    `INSERT INTO notas (id, ons_kenmerk, title, dossier, organisation_code, created_by, route, status, stage,
                        version, workflow_id, submitted_at, created_at, updated_at)
     VALUES ($1, ${NEXT_ONS_KENMERK_SQL}, $2, $3, 'JENV', 'jenv.staff', $4, 'in_review',
             'initialling', 1, $5, $6, $6, $6)`,
    [id, title, DOSSIERS[index % DOSSIERS.length], JSON.stringify(buildRouteTemplate(route)), `nota-${id}`, start],
  );
  await db.query(
    `INSERT INTO nota_versions (nota_id, version, created_by, created_at) VALUES ($1, 1, 'jenv.staff', $2)`,
    [id, start],
  );
  const w: Writer = { notaId: id, workflowId: `nota-${id}`, seq: 0 };
  let at = start;
  await event(db, w, at, { type: 'submitted', actor: 'jenv.staff', organisation: 'JENV' });

  await event(db, w, at, { type: 'stage_started', stage: 'initialling' });
  for (const reviewer of REVIEWERS) at = await task(db, w, random, at, 'initial', 'initialling', 'JENV', reviewer);

  await event(db, w, at, { type: 'stage_started', stage: 'decision' });
  // One nota in ten goes back to the directorate from the decision, and comes back some working days later.
  if (random() < 0.1) {
    at = await task(db, w, random, at, 'decide', 'decision', 'JENV', 'jenv.bewindspersoon', 'request_changes');
    await event(db, w, at, { type: 'changes_requested', actor: 'jenv.bewindspersoon', organisation: 'JENV' });
    at = new Date(at.getTime() + (2 + random() * 6) * DAY_MS);
    await db.query(
      `INSERT INTO nota_versions (nota_id, version, note, created_by, created_at) VALUES ($1, 2, $2, 'jenv.staff', $3)`,
      [id, 'Aangepast na opmerkingen', at],
    );
    await event(db, w, at, {
      type: 'version_submitted',
      actor: 'jenv.staff',
      organisation: 'JENV',
      data: { version: 2 },
    });
  }
  at = await task(db, w, random, at, 'decide', 'decision', 'JENV', 'jenv.bewindspersoon');

  if (route.coSigners.length) {
    await event(db, w, at, { type: 'stage_started', stage: 'co-signing' });
    // In parallel: all open at once, the stage done when the slowest ministry is.
    const opened = at;
    for (const ministry of route.coSigners) {
      const done = await task(db, w, random, opened, 'co-sign', 'co-signing', ministry, null);
      if (done > at) at = done;
    }
  }
  if (route.ministerraad) {
    await event(db, w, at, { type: 'stage_started', stage: 'ministerraad' });
    const meeting = nextMinisterraad(toAmsterdamDate(at));
    at = await task(db, w, random, at, 'ministerraad', 'ministerraad', 'AZ', null, 'approve', meeting);
  }
  await event(db, w, at, { type: 'stage_started', stage: 'dispatch' });
  at = await task(db, w, random, at, 'dispatch', 'dispatch', 'JENV', null);
  await event(db, w, at, { type: 'dispatched', actor: 'jenv.staff', organisation: 'JENV' });
  await db.query(
    `UPDATE notas SET status = 'dispatched', stage = 'done', version = (SELECT max(version) FROM nota_versions
       WHERE nota_id = $1), dispatched_at = $2, updated_at = $2 WHERE id = $1`,
    [id, at],
  );
}

/** Opens a task at `at`, decides it after its holder's pace; answers when it was decided. */
async function task(
  db: EntityManager,
  w: Writer,
  random: () => number,
  at: Date,
  type: 'initial' | 'decide' | 'co-sign' | 'ministerraad' | 'dispatch',
  stage: string,
  organisation: string,
  assignee: string | null,
  decision = 'approve',
  meetingOn?: string,
): Promise<Date> {
  const taskId = randomUUIDFrom(random);
  const sla =
    type === 'initial'
      ? 'initialling'
      : type === 'decide'
        ? 'decision'
        : type === 'co-sign'
          ? 'co-signing'
          : 'dispatch';
  const dueOn = meetingOn ?? addWorkingDays(toAmsterdamDate(at), DEFAULT_STAGE_SLA_WORKING_DAYS[sla]);
  const [median, sigma] = meetingOn ? [0, 0] : (PACE[type === 'co-sign' ? organisation : type] ?? PACE.initial);
  const hours = meetingOn
    ? (new Date(`${meetingOn}T14:00:00+01:00`).getTime() - at.getTime()) / HOUR_MS
    : median * Math.exp(sigma * normal(random));
  const decidedAt = new Date(at.getTime() + Math.max(0.5, hours) * HOUR_MS);
  const decidedBy =
    assignee ??
    (type === 'co-sign'
      ? `${organisation.toLowerCase()}.signer`
      : type === 'ministerraad'
        ? 'mr.secretariaat'
        : 'jenv.staff');
  await db.query(
    `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, assignee, status, version, meeting_on,
                        due_at, created_at, decided_at, decided_by, decision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'done', 1, $8, $9, $10, $11, $12, $13)`,
    [
      taskId,
      w.notaId,
      w.workflowId,
      type,
      stage,
      organisation,
      assignee,
      meetingOn ?? null,
      amsterdamEndOfDayInstant(dueOn),
      at,
      decidedAt,
      decidedBy,
      decision,
    ],
  );
  await event(db, w, at, {
    type: 'task_opened',
    stage,
    organisation,
    actor: assignee,
    taskId,
    data: { taskType: type },
  });
  await event(db, w, decidedAt, { type: 'task_decided', stage, organisation, actor: decidedBy, taskId, decision });
  return decidedAt;
}

async function event(
  db: EntityManager,
  w: Writer,
  at: Date,
  e: {
    type: string;
    actor?: string | null;
    organisation?: string;
    stage?: string;
    taskId?: string;
    decision?: string;
    data?: object;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO flow_events (workflow_id, seq, nota_id, at, type, actor, organisation, stage, task_id, decision, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      w.workflowId,
      ++w.seq,
      w.notaId,
      at,
      e.type,
      e.actor ?? null,
      e.organisation ?? null,
      e.stage ?? null,
      e.taskId ?? null,
      e.decision ?? null,
      e.data ? JSON.stringify(e.data) : null,
    ],
  );
}

/** A small, fast, seedable generator: the same history on every start. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A version-4-shaped UUID from the seeded generator, so task ids are the same on every start too. */
function randomUUIDFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
