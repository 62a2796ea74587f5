import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { BlobTooLargeError, stage, type StagedBlob } from '@notaflow/storage';
import { AppException } from '../common/app.exception';

/** Room for the multipart framing and the small fields around the file. */
const FRAMING_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 2048;

export type UploadedFile = StagedBlob & { fileName: string | undefined };

export interface ReceivedUpload {
  /** The file, staged on disk and hashed; null when the request brought none. */
  file: UploadedFile | null;
  fields: Record<string, string>;
}

/**
 * Reads a `multipart/form-data` upload as it streams in: the one `file` part goes to a staged file (hashed while
 * written, never held in memory), the other parts are small fields. More bytes than `maxBytes` end the upload there
 * and then (413); a sender that goes away, or any refusal, leaves nothing staged.
 */
export async function receiveUpload(
  req: IncomingMessage,
  options: { stagingDir: string; maxBytes: number },
): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
    throw new AppException('unsupported_media_type', 'Send the file as multipart/form-data with a part named file.');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + FRAMING_BYTES) throw tooLarge(options.maxBytes);

  const parser = busboy({
    headers: req.headers,
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 10, parts: 11, fieldSize: MAX_FIELD_BYTES },
  });
  const fields: Record<string, string> = {};
  let refusal: AppException | undefined;
  let staging: Promise<UploadedFile> | undefined;
  let fileStream: (NodeJS.ReadableStream & { destroy(error?: Error): void }) | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    // A sender that goes away ends the file's stream too, so that what was staged of it is removed.
    const abort = (error: Error) => {
      fileStream?.destroy(error);
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        refusal ??= AppException.field(name, 'too_long', 'is too long', { max: MAX_FIELD_BYTES });
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        refusal ??= AppException.field(name, 'unknown_field', 'is not a known field');
        stream.resume();
        return;
      }
      fileStream = stream;
      staging = stage(stream, { dir: options.stagingDir, maxBytes: options.maxBytes }).then((staged) => ({
        ...staged,
        fileName: info.filename,
      }));
      // A file past the limit ends the upload at once: the rest of the request is not read.
      staging.catch((error: unknown) => {
        req.unpipe(parser);
        reject(error);
      });
    });
    parser.on('filesLimit', () => (refusal ??= AppException.field('file', 'too_many', 'takes one file per upload')));
    parser.on('close', resolve);
    // A body that is not well-formed multipart is the sender's fault: a 400 naming it, never a 500.
    parser.on('error', (error: Error) =>
      abort(AppException.field('body', 'bad_format', `is not valid multipart/form-data: ${error.message}`)),
    );
    req.on('aborted', () => abort(incomplete()));
    req.on('error', () => abort(incomplete()));
  });
  req.pipe(parser);

  let file: UploadedFile | null;
  try {
    await parsed;
    file = staging ? await staging : null;
  } catch (error) {
    // stage() removes its own file when it fails; a file staged in full is removed here.
    await (await staging?.catch(() => undefined))?.discard();
    throw error instanceof BlobTooLargeError ? tooLarge(options.maxBytes) : error;
  }
  if (refusal) {
    await file?.discard();
    throw refusal;
  }
  return { file, fields };
}

function incomplete(): AppException {
  return AppException.field('file', 'incomplete_upload', 'the upload ended before the request was complete');
}

function tooLarge(maxBytes: number): AppException {
  return new AppException('payload_too_large', `A file may be at most ${maxBytes} bytes.`, { maxBytes });
}
