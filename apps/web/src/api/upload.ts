import { isProblem } from '../lib/problem';
import { ApiError, currentToken, refusedToken } from './client';
import type { DocumentRole, NotaDocument } from './types';

export interface UploadRequest {
  notaId: string;
  role: DocumentRole;
  title?: string;
  file: File;
}

/** How far the upload is, in bytes of the request body (the file with its few form fields around it). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads a document to the nota's open version (POST /notas/{id}/documents, multipart/form-data). Through
 * XMLHttpRequest rather than the fetch-based client: only XMLHttpRequest reports how far the body has gone, which a
 * large file needs. The answer is the document, or an ApiError with the API's problem (status 0: no answer); an
 * abort through the signal rejects with an AbortError.
 */
export function uploadDocument(
  { notaId, role, title, file }: UploadRequest,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<NotaDocument> {
  const form = new FormData();
  // The fields before the file: the API reads the body as a stream and needs them once the file arrives.
  form.append('role', role);
  if (title?.trim()) form.append('title', title.trim());
  form.append('file', file, file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const authorization = currentToken() ? `Bearer ${currentToken()}` : null;
    xhr.open('POST', `/api/v1/notas/${encodeURIComponent(notaId)}/documents`);
    xhr.setRequestHeader('accept', 'application/json');
    if (authorization) xhr.setRequestHeader('authorization', authorization);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as NotaDocument);
        return;
      }
      if (xhr.status === 401) refusedToken(authorization);
      reject(new ApiError(xhr.status, isProblem(body) ? body : undefined));
    };
    xhr.onerror = () => reject(new ApiError(0));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
