import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';

/** A small real PDF with this text, made on the spot (pdfkit), optionally locked with a password. */
export function pdfWith(text: string, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date('2024-06-17T12:00:00Z') }, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A multipart/form-data body as a browser sends it: the fields, and the file under the part name `file`. */
export function formData(
  fields: Record<string, string>,
  file?: { bytes: Buffer; fileName: string; type?: string },
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) {
    form.append(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.fileName,
    );
  }
  return form;
}

/** Uploads through the HTTP API with the caller's token, as the web app does. */
export async function upload(
  baseUrl: string,
  token: string,
  notaId: string,
  fields: Record<string, string>,
  file?: { bytes: Buffer; fileName: string; type?: string },
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api/v1/notas/${notaId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: formData(fields, file),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}
