import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/** The encoding an encrypted payload declares; what any other encoding says is left to the payload converter. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata field naming the key a payload was sealed with, so that it opens after the key was rotated. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** One AES-256 key and the id its payloads carry. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

export interface PayloadEncryptionOptions {
  /**
   * Whether a payload that is not encrypted is taken as it is. Refusing it means that what enters a flow was sealed by
   * a holder of the key; accepting it is for the flows started before encryption was switched on.
   */
  acceptPlaintext: boolean;
  /**
   * What a payload that cannot be opened (refused plaintext, altered, an unknown key) becomes. `throw` (clients): the
   * call fails. `empty` (workers): it arrives as nothing, which every Update validator of the flow refuses. A worker
   * must not throw: a decoding error fails the workflow task, and while it is failed the flow takes no Update at all,
   * so one forged Update would stop a flow for good.
   */
  unreadable: 'throw' | 'empty';
  /** Told of each payload that could not be opened (a worker logs it). */
  onUnreadable?: (error: PayloadDecryptionError) => void;
}

/** A payload that could not be opened: tampered with, sealed with a key this process lacks, or not sealed at all. */
export class PayloadDecryptionError extends ValueError {
  override readonly name = 'PayloadDecryptionError';
}

/**
 * AES-256-GCM over the whole payload (its metadata and data, as protobuf bytes), under the first key; the key's id
 * goes into the new payload's metadata, and decoding picks the key by that id, so rotating is adding a key in front:
 * new payloads are sealed with it, old ones still open with theirs. GCM authenticates: a payload altered in the
 * server's database or on the wire is refused, never read as something else. The key id and the encoding are the
 * additional authenticated data, so neither can be swapped without the payload being refused.
 */
export class PayloadEncryptionCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(
    keys: readonly PayloadKey[],
    private readonly options: PayloadEncryptionOptions,
  ) {
    if (!keys.length) throw new Error('PayloadEncryptionCodec needs at least one key');
    for (const { id, key } of keys) {
      if (key.length !== KEY_BYTES) throw new Error(`payload key ${id} must be ${KEY_BYTES} bytes (AES-256)`);
    }
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
    if (this.keys.size !== keys.length) throw new Error('payload key ids must be unique');
    this.current = keys[0];
  }

  /** The id new payloads are sealed with. */
  get keyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.seal(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      try {
        return this.open(payload);
      } catch (error) {
        if (!(error instanceof PayloadDecryptionError)) throw error;
        this.options.onUnreadable?.(error);
        if (this.options.unreadable === 'throw') throw error;
        return { metadata: { [METADATA_ENCODING_KEY]: utf8('binary/null') }, data: new Uint8Array() };
      }
    });
  }

  private seal(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(id));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(id) },
      data: sealed,
    };
  }

  private open(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || text(encoding) !== ENCRYPTED_ENCODING) {
      if (this.options.acceptPlaintext) return payload;
      throw new PayloadDecryptionError(
        'refused a payload that is not encrypted (TEMPORAL_PAYLOAD_PLAINTEXT=refuse): it was not sealed with a payload key',
      );
    }
    const idBytes = payload.metadata?.[KEY_ID_METADATA];
    const id = idBytes ? text(idBytes) : '';
    const key = this.keys.get(id);
    if (!key) {
      throw new PayloadDecryptionError(
        `an encrypted payload names key "${id.slice(0, 64)}", which TEMPORAL_PAYLOAD_KEYS does not hold`,
      );
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError('an encrypted payload is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(`an encrypted payload (key "${id}") failed authentication: it was altered`);
    }
    let inner: temporal.api.common.v1.Payload;
    try {
      inner = temporal.api.common.v1.Payload.decode(plain);
    } catch {
      throw new PayloadDecryptionError(`an encrypted payload (key "${id}") does not hold a payload`);
    }
    return { metadata: inner.metadata ?? {}, data: inner.data ?? new Uint8Array() };
  }
}

function associatedData(keyId: string): Buffer {
  return Buffer.from(`${ENCRYPTED_ENCODING};${keyId}`, 'utf8');
}

function utf8(value: string): Uint8Array {
  return Buffer.from(value, 'utf8');
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}
