import { useEffect, useState } from 'react';
import { AS_BLOB, ApiError, answer, client, downloadFile } from './client';
import type { NotaDocument } from './types';

/** A document's bytes, verified by the API against their SHA-256 before it sends them. */
export function documentBytes(id: string): Promise<ArrayBuffer> {
  return answer(
    client.GET('/api/v1/documents/{id}/content', {
      params: { path: { id } },
      parseAs: 'arrayBuffer',
      headers: { accept: '*/*' },
    }),
  );
}

/** Saves a document as the file it was uploaded as (through the token; a plain link could not send it). */
export function downloadDocument(document: Pick<NotaDocument, 'id' | 'fileName'>): Promise<void> {
  return downloadFile(
    client.GET('/api/v1/documents/{id}/content', { params: { path: { id: document.id } }, ...AS_BLOB }),
    document.fileName,
  );
}

/** Saves the verzendpakket: what went to the Kamer, with its manifest of hashes (after dispatch). */
export function downloadPackage(nota: { id: string; onsKenmerk: string }): Promise<void> {
  return downloadFile(
    client.GET('/api/v1/notas/{id}/package', { params: { path: { id: nota.id } }, ...AS_BLOB }),
    `nota-${nota.onsKenmerk}-verzonden.zip`,
  );
}

export interface LoadedBytes {
  bytes: ArrayBuffer | undefined;
  error: ApiError | undefined;
}

/** The bytes of one document, fetched while `id` is set; another id drops the answer for the old one. */
export function useDocumentBytes(id: string | null): LoadedBytes {
  const [state, setState] = useState<LoadedBytes & { id: string | null }>({
    id: null,
    bytes: undefined,
    error: undefined,
  });
  useEffect(() => {
    if (id === null) return;
    let current = true;
    documentBytes(id).then(
      (bytes) => current && setState({ id, bytes, error: undefined }),
      (error: unknown) =>
        current && setState({ id, bytes: undefined, error: error instanceof ApiError ? error : new ApiError(0) }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return state.id === id ? state : { bytes: undefined, error: undefined };
}
