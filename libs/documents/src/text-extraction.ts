import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DOCUMENT_TYPES } from './media-types';

/** The kinds of document whose text can be read back and compared between versions. */
export const TEXT_MEDIA_TYPES: readonly string[] = [DOCUMENT_TYPES.pdf.mediaType, DOCUMENT_TYPES.docx.mediaType];

export interface ExtractionLimits {
  /** The worker's heap: a document made to exhaust memory ends the worker, not the process. */
  maxHeapMb: number;
  timeoutMs: number;
}

const DEFAULT_LIMITS: ExtractionLimits = { maxHeapMb: 512, timeoutMs: 60_000 };

export class TextExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextExtractionError';
  }
}

/**
 * The text of a PDF (one string per page) or a DOCX (one string: a DOCX has no pages until it is laid out), read in a
 * worker thread of its own under a heap limit and a timeout.
 */
export function extractText(
  file: string,
  mediaType: string,
  limits: Partial<ExtractionLimits> = {},
): Promise<string[]> {
  const { maxHeapMb, timeoutMs } = { ...DEFAULT_LIMITS, ...limits };
  if (!TEXT_MEDIA_TYPES.includes(mediaType)) {
    return Promise.reject(new TextExtractionError(`no text extraction for ${mediaType}`));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'text-extraction.worker.mjs'), {
      workerData: { file, mediaType },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new TextExtractionError(`reading the text took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once('message', (answer: { pages?: string[]; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (answer.pages) resolve(answer.pages);
      else reject(new TextExtractionError(answer.error ?? 'the text could not be read'));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new TextExtractionError(error.message));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new TextExtractionError(`the reader stopped (${code})`));
    });
  });
}
