import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { startTestApp, type TestApp } from './support/app';
import { pdfWith, sha256, upload } from './support/documents';
import { ApiClient, DEMO_ROUTE } from './support/http';
import { testStack } from './support/stack';

const drivers: [string, () => Record<string, string>][] = [
  ['the file system', () => ({ DOCUMENT_STORE: 'fs' })],
  [
    'S3 (versitygw)',
    () => {
      const { s3 } = testStack();
      return {
        DOCUMENT_STORE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_REGION: s3.region,
        S3_BUCKET: s3.bucket,
        S3_PREFIX: `documents-${randomUUID().slice(0, 8)}/`,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      };
    },
  ],
];

describe.each(drivers)("a nota's documents on %s", (_driver, env) => {
  let app: TestApp;
  let staff: ApiClient;
  let notaId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { ...env(), DOCUMENT_MAX_BYTES: String(2 * 1024 * 1024) } });
    staff = await ApiClient.login(app.baseUrl, 'jenv.staff');
  });

  beforeEach(async () => {
    const nota = await staff.post('/notas', {
      title: 'Actieplan programma Samen tegen mensenhandel',
      route: DEMO_ROUTE,
    });
    notaId = nota.body.id;
  });

  afterAll(() => app.close());

  const send = (fields: Record<string, string>, file?: { bytes: Buffer; fileName: string }) =>
    upload(app.baseUrl, staff.token!, notaId, fields, file);

  it('keeps an uploaded PDF under its SHA-256 and serves the same bytes with their digest', async () => {
    const bytes = await pdfWith('Nota over het Actieplan, versie 1');
    const stored = await send({ role: 'nota', title: 'Nota' }, { bytes, fileName: 'nota.pdf' });
    expect(stored).toMatchObject({
      status: 201,
      body: {
        notaId,
        notaVersion: 1,
        role: 'nota',
        title: 'Nota',
        fileName: 'nota.pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        createdBy: 'jenv.staff',
        status: 'in_bewerking',
      },
    });
    const response = await fetch(`${app.baseUrl}/api/v1/documents/${stored.body.id}/content`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(response.headers.get('repr-digest')).toBe(
      `sha-256=:${Buffer.from(sha256(bytes), 'hex').toString('base64')}:`,
    );
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nota.pdf"/);
    const again = await fetch(`${app.baseUrl}/api/v1/documents/${stored.body.id}/content`, {
      headers: { authorization: `Bearer ${staff.token}`, 'if-none-match': `"${sha256(bytes)}"` },
    });
    expect(again.status).toBe(304);
  });

  it('lists the version with its one nota document first; a new nota document replaces the old', async () => {
    const first = await pdfWith('eerste tekst');
    const second = await pdfWith('tweede tekst');
    await send({ role: 'bijlage', title: 'Kamerbrief' }, { bytes: await pdfWith('Kamerbrief'), fileName: 'brief.pdf' });
    await send({ role: 'nota' }, { bytes: first, fileName: 'nota.pdf' });
    await send({ role: 'nota' }, { bytes: second, fileName: 'nota-v2.pdf' });
    const list = await staff.get(`/notas/${notaId}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.map((d: any) => [d.role, d.fileName, d.sha256])).toEqual([
      ['nota', 'nota-v2.pdf', sha256(second)],
      ['bijlage', 'brief.pdf', expect.any(String)],
    ]);
  });

  it.each([
    ['no file', {}, undefined, 400, { code: 'validation_failed', errors: [{ name: 'file', code: 'required' }] }],
    [
      'an empty file',
      {},
      { bytes: Buffer.alloc(0), fileName: 'leeg.pdf' },
      400,
      { errors: [{ name: 'file', code: 'empty_file' }] },
    ],
    [
      'an executable named .pdf',
      {},
      { bytes: Buffer.from('7f454c4602010100', 'hex'), fileName: 'nota.pdf' },
      415,
      { code: 'unsupported_media_type' },
    ],
    [
      'text named .docx',
      {},
      { bytes: Buffer.from('gewone tekst'), fileName: 'nota.docx' },
      415,
      { code: 'unsupported_media_type' },
    ],
    ['no role', { role: '' }, undefined, 400, { errors: [expect.objectContaining({ name: 'role' })] }],
  ])('refuses %s with its code and stores nothing', async (_what, fields, file, status, body) => {
    const reply = await send({ role: 'bijlage', ...fields }, file);
    expect(reply).toMatchObject({ status, body });
    expect((await staff.get(`/notas/${notaId}/documents`)).body).toEqual([]);
  });

  it("refuses a PDF whose content does not match its name's extension", async () => {
    const reply = await send({ role: 'nota' }, { bytes: await pdfWith('x'), fileName: 'nota.docx' });
    expect(reply).toMatchObject({
      status: 415,
      body: { code: 'unsupported_media_type', recognised: 'application/pdf' },
    });
  });

  it('refuses an encrypted PDF with 415 saying so', async () => {
    const locked = await pdfWith('geheim', { userPassword: 'x', ownerPassword: 'y', pdfVersion: '1.7' });
    const reply = await send({ role: 'bijlage' }, { bytes: locked, fileName: 'geheim.pdf' });
    expect(reply).toMatchObject({
      status: 415,
      body: { code: 'document_encrypted', detail: expect.stringMatching(/encrypted/) },
    });
  });

  it('refuses a file over DOCUMENT_MAX_BYTES with 413 and leaves nothing staged', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
    const reply = await send({ role: 'bijlage' }, { bytes: big, fileName: 'groot.pdf' });
    expect(reply).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    expect(stagedFiles(app)).toEqual([]);
  });

  it('stores a file name with path parts or control characters under a safe name', async () => {
    const bytes = await pdfWith('x');
    const reply = await rawUpload(
      app.baseUrl,
      staff.token!,
      notaId,
      bytes,
      `filename*=UTF-8''..%2F..%2Fetc%2Fpass%07wd.pdf`,
    );
    expect(reply).toMatchObject({ status: 201, body: { fileName: 'passwd.pdf' } });
  });

  it('answers a malformed multipart body with 400, not 500', async () => {
    const reply = await rawUpload(app.baseUrl, staff.token!, notaId, Buffer.from('x'), 'filename="a\u0007.pdf"');
    expect(reply).toMatchObject({ status: 400, body: { errors: [{ name: 'body', code: 'bad_format' }] } });
  });

  it('answers a version no PostgreSQL integer holds with 400 naming it, not 500', async () => {
    for (const [path, name] of [
      ['documents?version=1e308', 'version'],
      ['changes?to=2147483648', 'to'],
      ['changes?from=9007199254740993', 'from'],
    ]) {
      const reply = await staff.get(`/notas/${notaId}/${path}`);
      expect(reply).toMatchObject({ status: 400, body: { code: 'validation_failed', errors: [{ name }] } });
    }
  });

  it('keeps no row and no staged file when the client goes away mid-upload', async () => {
    await abortedUpload(app.baseUrl, staff.token!, notaId);
    // The server learns of the closed connection asynchronously: give it a moment on a busy machine.
    for (let waited = 0; stagedFiles(app).length && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stagedFiles(app)).toEqual([]);
    expect((await staff.get(`/notas/${notaId}/documents`)).body).toEqual([]);
  });

  it('stores the same bytes uploaded twice at once once, as two documents', async () => {
    const bytes = await pdfWith(`tweemaal ${randomUUID()}`);
    const [a, b] = await Promise.all([
      send({ role: 'bijlage', title: 'A' }, { bytes, fileName: 'a.pdf' }),
      send({ role: 'bijlage', title: 'B' }, { bytes, fileName: 'b.pdf' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.sha256).toBe(b.body.sha256);
    if (app.config.DOCUMENT_STORE === 'fs') {
      const dir = path.join(app.config.DOCUMENTS_DIR, 'sha256', a.body.sha256.slice(0, 2), a.body.sha256.slice(2, 4));
      expect(readdirSync(dir)).toEqual([a.body.sha256]);
    }
  });

  it('writes the nota in the beslisnota form as a PDF and keeps its sections', async () => {
    const written = await staff.post(`/notas/${notaId}/beslisnota`, {
      onderwerp: 'Actieplan programma Samen tegen mensenhandel',
      datum: '2024-06-17',
      afzender: ['Directoraat-Generaal Rechtspleging en Rechtshandhaving'],
      dossiernummer: '2',
      bijlagen: ['Kamerbrief Actieplan programma Samen tegen mensenhandel'],
      aanleiding: 'Het Actieplan is in de ministerraad van 14 juni 2024 akkoord bevonden.',
      geadviseerdBesluit: 'U wordt gevraagd akkoord te gaan met verzending van de brief.',
      kernpunten: 'Extra middelen.',
      toelichting: 'N.v.t.',
      nietOpenbaar: { informatie: 'Persoonsgegevens van slachtoffers.', toelichting: 'Art. 5.1 lid 2 sub e Woo.' },
    });
    expect(written).toMatchObject({ status: 201, body: { role: 'nota', mediaType: 'application/pdf', written: true } });
    const detail = await staff.get(`/documents/${written.body.id}`);
    expect(detail.body.content).toMatchObject({ nietOpenbaar: { informatie: 'Persoonsgegevens van slachtoffers.' } });
    const pdf = await fetch(`${app.baseUrl}/api/v1/documents/${written.body.id}/content`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('never serves a stored object whose bytes no longer match its SHA-256', async () => {
    if (app.config.DOCUMENT_STORE !== 'fs') return;
    const bytes = await pdfWith(`beschadigd ${randomUUID()}`);
    const stored = await send({ role: 'bijlage' }, { bytes, fileName: 'x.pdf' });
    const file = path.join(
      app.config.DOCUMENTS_DIR,
      'sha256',
      stored.body.sha256.slice(0, 2),
      stored.body.sha256.slice(2, 4),
      stored.body.sha256,
    );
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 100), Buffer.from('X'), bytes.subarray(101)]));
    const reply = await staff.get(`/documents/${stored.body.id}/content`);
    expect(reply).toMatchObject({ status: 500, body: { code: 'integrity_error' } });
    // An alert: an audit row naming who asked for what, and the metric.
    const [audit] = await app.dataSource.query(
      `SELECT actor, object, result, status FROM audit_log WHERE action = 'INTEGRITY document content' AND object LIKE $1`,
      [`%${stored.body.id}%`],
    );
    expect(audit).toEqual({
      actor: 'jenv.staff',
      object: `/api/v1/documents/${stored.body.id}/content`,
      result: 'failed',
      status: 500,
    });
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^notaflow_document_integrity_failures_total\{store="fs"\} [1-9]/m);
  });

  it('lets only drafters of the nota’s organisation change its documents; others who may read it read them', async () => {
    const vws = await ApiClient.login(app.baseUrl, 'vws.signer');
    const bytes = await pdfWith('x');
    expect(
      (await upload(app.baseUrl, vws.token!, notaId, { role: 'bijlage' }, { bytes, fileName: 'x.pdf' })).status,
    ).toBe(403);
    const stored = await send({ role: 'bijlage' }, { bytes, fileName: 'x.pdf' });
    expect((await vws.get(`/documents/${stored.body.id}`)).body).toMatchObject({ code: 'nota_not_visible' });
    expect((await vws.request('DELETE', `/documents/${stored.body.id}`)).status).toBe(403);
    expect((await staff.request('DELETE', `/documents/${stored.body.id}`)).status).toBe(204);
  });
});

function stagedFiles(app: TestApp): string[] {
  try {
    return readdirSync(path.join(app.config.DOCUMENTS_DIR, 'staging'));
  } catch {
    return [];
  }
}

/** A multipart upload written by hand, with the file part's Content-Disposition parameters as given. */
async function rawUpload(baseUrl: string, token: string, notaId: string, bytes: Buffer, fileParams: string) {
  const boundary = 'notaflowboundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nbijlage\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${fileParams}\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await fetch(`${baseUrl}/api/v1/notas/${notaId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Starts a multipart upload announcing 1 MB, sends part of it and closes the connection. */
function abortedUpload(baseUrl: string, token: string, notaId: string): Promise<void> {
  const boundary = 'notaflowboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nbijlage\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  return new Promise((resolve) => {
    const req = httpRequest(`${baseUrl}/api/v1/notas/${notaId}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(1024 * 1024),
      },
    });
    req.on('error', () => resolve());
    req.write(head);
    req.write(randomBytes(200 * 1024), () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
  });
}
