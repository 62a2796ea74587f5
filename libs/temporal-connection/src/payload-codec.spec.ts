import { randomBytes } from 'node:crypto';
import { DefaultPayloadConverter, type Payload } from '@temporalio/common';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadDecryptionError, PayloadEncryptionCodec } from './payload-codec';

const converter = new DefaultPayloadConverter();
const key = (id: string) => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const strict = { acceptPlaintext: false, unreadable: 'throw' } as const;

const remark = 'Akkoord, met de kanttekening over de Raad van State';
const payload = (): Payload => converter.toPayload({ title: 'Actieplan mensenhandel', remarks: remark });

describe(PayloadEncryptionCodec.name, () => {
  it('seals every payload with the first key, naming it in the metadata, and opens it again', async () => {
    const codec = new PayloadEncryptionCodec([key('2026-a'), key('2025-b')], strict);
    const [sealed] = await codec.encode([payload()]);

    expect(text(sealed.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe('2026-a');
    expect(Buffer.from(sealed.data!).includes(Buffer.from('Actieplan'))).toBe(false);
    expect(Buffer.from(sealed.data!).includes(Buffer.from('json/plain'))).toBe(false);

    const [opened] = await codec.decode([sealed]);
    expect(converter.fromPayload(opened)).toEqual({ title: 'Actieplan mensenhandel', remarks: remark });
    expect(text(opened.metadata?.encoding)).toBe('json/plain');
  });

  it('uses a fresh nonce each time: the same value never seals to the same bytes', async () => {
    const codec = new PayloadEncryptionCodec([key('k')], strict);
    const [a, b] = await codec.encode([payload(), payload()]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('rotates by adding a key in front: old payloads still open, new ones are sealed with the new key', async () => {
    const old = key('2025');
    const [before] = await new PayloadEncryptionCodec([old], strict).encode([payload()]);

    const rotated = new PayloadEncryptionCodec([key('2026'), old], strict);
    expect(converter.fromPayload((await rotated.decode([before]))[0])).toMatchObject({ remarks: remark });
    const [after] = await rotated.encode([payload()]);
    expect(text(after.metadata?.[KEY_ID_METADATA])).toBe('2026');

    // A process that was not given the new key cannot read what was sealed with it, and says which key it lacks.
    await expect(new PayloadEncryptionCodec([old], strict).decode([after])).rejects.toThrow(
      /names key "2026", which TEMPORAL_PAYLOAD_KEYS does not hold/,
    );
  });

  it('refuses a payload altered after sealing, or whose key id was swapped', async () => {
    const [a, b] = [key('a'), key('b')];
    const codec = new PayloadEncryptionCodec([a, b], strict);
    const [sealed] = await codec.encode([payload()]);

    const flipped = Buffer.from(sealed.data!);
    flipped[20] ^= 0x01;
    await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow(PayloadDecryptionError);

    const swapped = { ...sealed, metadata: { ...sealed.metadata, [KEY_ID_METADATA]: Buffer.from('b') } };
    await expect(codec.decode([swapped])).rejects.toThrow(/failed authentication/);

    await expect(codec.decode([{ ...sealed, data: Buffer.alloc(10) }])).rejects.toThrow(/truncated/);
  });

  it('refuses a payload that is not encrypted, unless told to accept those of flows begun without keys', async () => {
    const plain = payload();
    await expect(new PayloadEncryptionCodec([key('k')], strict).decode([plain])).rejects.toThrow(
      /not encrypted \(TEMPORAL_PAYLOAD_PLAINTEXT=refuse\)/,
    );
    const [taken] = await new PayloadEncryptionCodec([key('k')], { ...strict, acceptPlaintext: true }).decode([plain]);
    expect(taken).toBe(plain);
  });

  it('in a worker, hands on what it cannot open as nothing, and says so, rather than failing the workflow task', async () => {
    const refused: string[] = [];
    const codec = new PayloadEncryptionCodec([key('k')], {
      acceptPlaintext: false,
      unreadable: 'empty',
      onUnreadable: (error) => refused.push(error.message),
    });
    const [sealed] = await codec.encode([payload()]);
    const forged = { ...sealed, data: randomBytes(64) };
    const opened = await codec.decode([payload(), forged, sealed]);

    expect(opened.slice(0, 2).map((p) => converter.fromPayload(p))).toEqual([undefined, undefined]);
    expect(converter.fromPayload(opened[2])).toMatchObject({ remarks: remark });
    expect(refused).toEqual([expect.stringMatching(/not encrypted/), expect.stringMatching(/failed authentication/)]);
  });

  it('keeps payloads without data and empty lists intact', async () => {
    const codec = new PayloadEncryptionCodec([key('k')], strict);
    const nothing = converter.toPayload(undefined);
    const [opened] = await codec.decode(await codec.encode([nothing]));
    expect(converter.fromPayload(opened)).toBeUndefined();
    expect(await codec.encode([])).toEqual([]);
  });

  it('wants AES-256 keys with distinct ids', () => {
    expect(() => new PayloadEncryptionCodec([{ id: 'short', key: randomBytes(16) }], strict)).toThrow(/32 bytes/);
    expect(() => new PayloadEncryptionCodec([key('x'), key('x')], strict)).toThrow(/unique/);
    expect(() => new PayloadEncryptionCodec([], strict)).toThrow(/at least one key/);
  });
});
