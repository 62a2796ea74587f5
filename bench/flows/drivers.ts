import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { FULL_ROUTE } from '../support/flows';
import { call } from '../support/http';

/**
 * Who decides at each step of the full route, as the holders of its tasks: three reviewers, the minister, the four
 * co-signing ministries at once, the ministerraad secretariat, and a drafter of JENV who dispatches.
 */
export const STEPS: readonly (readonly string[])[] = [
  ['jenv.afdelingshoofd'],
  ['jenv.directeur'],
  ['jenv.dg'],
  ['jenv.bewindspersoon'],
  ['vws.signer', 'bz.signer', 'bho.signer', 'szw.signer'],
  ['mr.secretariaat'],
  ['jenv.staff'],
];
export const DECISIONS_PER_FLOW = STEPS.flat().length;
export const USERS = [...new Set(STEPS.flat())];

export interface FlowRun {
  id: string;
  /** Milliseconds from sending each decision to its answer. */
  latencies: number[];
}

/** A small real PDF, different for each flow, as a drafter uploads the nota. */
export function notaPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date('2024-06-17T12:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

function expect(what: string, status: number, wanted: number, body: unknown): void {
  if (status !== wanted) throw new Error(`${what}: ${status} ${JSON.stringify(body)?.slice(0, 300)}`);
}

/** Takes the steps of the route, each holder finding their task and deciding on it; times each decision. */
async function decideAll(
  find: (user: string) => Promise<string>,
  decide: (user: string, taskId: string) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  for (const step of STEPS) {
    await Promise.all(
      step.map(async (user) => {
        const taskId = await find(user);
        const began = performance.now();
        await decide(user, taskId);
        latencies.push(performance.now() - began);
      }),
    );
  }
  return latencies;
}

/**
 * A nota through the product's HTTP API, as its users take it: the drafter registers it, uploads its nota document
 * and submits it; then each holder reads their inbox for the nota and decides, naming the SHA-256 of what they read.
 */
export async function productFlow(
  baseUrl: string,
  tokens: Record<string, string>,
  pdf: Buffer,
  sha256: string,
): Promise<FlowRun> {
  const staff = tokens['jenv.staff'];
  const registered = await call<{ id: string }>(baseUrl, staff, 'POST', '/api/v1/notas', {
    title: 'Voortgangsrapportage aanpak mensenhandel',
    dossier: '28 638',
    route: FULL_ROUTE,
  });
  expect('register', registered.status, 201, registered.body);
  const id = registered.body.id;
  const form = new FormData();
  form.append('role', 'nota');
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'nota.pdf');
  const uploaded = await fetch(`${baseUrl}/api/v1/notas/${id}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff}` },
    body: form,
  });
  const document = (await uploaded.json()) as { sha256?: string };
  expect('upload', uploaded.status, 201, document);
  if (document.sha256 !== sha256) throw new Error(`upload: stored as ${document.sha256}, not ${sha256}`);
  const submitted = await call(baseUrl, staff, 'POST', `/api/v1/notas/${id}/submit`);
  expect('submit', submitted.status, 202, submitted.body);
  const latencies = await decideAll(
    async (user) => {
      const open = await call<{ id: string }[]>(baseUrl, tokens[user], 'GET', `/api/v1/tasks?status=open&notaId=${id}`);
      expect(`${user} reads their tasks`, open.status, 200, open.body);
      if (open.body.length !== 1) throw new Error(`${user} holds ${open.body.length} open tasks on ${id}`);
      return open.body[0].id;
    },
    async (user, taskId) => {
      const decided = await call(baseUrl, tokens[user], 'POST', `/api/v1/tasks/${taskId}/decision`, {
        decision: 'approve',
        remarks: `akkoord, ${user}`,
        seenSha256: sha256,
      });
      expect(`${user} decides`, decided.status, 200, decided.body);
    },
  );
  return { id, latencies };
}

/** The skeleton through its minimal front, the same steps: start, then each holder finds their task and decides. */
export async function skeletonFlow(baseUrl: string, tokens: Record<string, string>, sha256: string): Promise<FlowRun> {
  const started = await call<{ id: string }>(baseUrl, tokens['jenv.staff'], 'POST', '/skeleton/flows', {
    route: FULL_ROUTE,
    documentSha256: sha256,
  });
  expect('start', started.status, 202, started.body);
  const { id } = started.body;
  const latencies = await decideAll(
    async (user) => {
      const open = await call<{ id: string }[]>(baseUrl, tokens[user], 'GET', `/skeleton/flows/${id}/tasks`);
      expect(`${user} reads their tasks`, open.status, 200, open.body);
      if (open.body.length !== 1) throw new Error(`${user} holds ${open.body.length} open tasks on ${id}`);
      return open.body[0].id;
    },
    async (user, taskId) => {
      const decided = await call(baseUrl, tokens[user], 'POST', `/skeleton/flows/${id}/tasks/${taskId}/decision`, {
        decision: 'approve',
        remarks: `akkoord, ${user}`,
        seenSha256: sha256,
      });
      expect(`${user} decides`, decided.status, 200, decided.body);
    },
  );
  return { id, latencies };
}
