import { readFileSync } from 'node:fs';
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { ConfigError, temporalTlsEnabled, type AppConfig } from '@notaflow/config';
import { PayloadEncryptionCodec, type PayloadDecryptionError } from './payload-codec';

/** The settings that say how a process reaches Temporal; the API and the worker read the same ones. */
export type TemporalBoundaryConfig = Pick<
  AppConfig,
  | 'TEMPORAL_ADDRESS'
  | 'TEMPORAL_PAYLOAD_KEYS'
  | 'TEMPORAL_PAYLOAD_PLAINTEXT'
  | 'TEMPORAL_TLS'
  | 'TEMPORAL_TLS_CERT'
  | 'TEMPORAL_TLS_KEY'
  | 'TEMPORAL_TLS_CA'
  | 'TEMPORAL_TLS_SERVER_NAME'
>;

/** What @temporalio/client's Connection and @temporalio/worker's NativeConnection both take. */
export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/**
 * The TLS of the connection to the frontend, its files read now: a missing or unreadable file stops start-up with the
 * variable named, rather than failing every call later. Certificates are read once: a renewed one takes a restart.
 */
export function temporalTls(config: TemporalBoundaryConfig): TemporalTls | undefined {
  if (!temporalTlsEnabled(config)) return undefined;
  return {
    ...(config.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(config.TEMPORAL_TLS_CA ? { serverRootCACertificate: pem('TEMPORAL_TLS_CA', config.TEMPORAL_TLS_CA) } : {}),
    ...(config.TEMPORAL_TLS_CERT && config.TEMPORAL_TLS_KEY
      ? {
          clientCertPair: {
            crt: pem('TEMPORAL_TLS_CERT', config.TEMPORAL_TLS_CERT),
            key: pem('TEMPORAL_TLS_KEY', config.TEMPORAL_TLS_KEY),
          },
        }
      : {}),
  };
}

/** Address and TLS, for `Connection.lazy`/`connect` (the API, clients) and `NativeConnection.connect` (the worker). */
export function temporalConnectionOptions(config: TemporalBoundaryConfig): { address: string; tls?: TemporalTls } {
  const tls = temporalTls(config);
  return { address: config.TEMPORAL_ADDRESS, ...(tls ? { tls } : {}) };
}

/** Who decodes: a client fails a call on a payload it cannot open, a worker hands it on as nothing (and says so). */
export type CodecSide = { side: 'client' } | { side: 'worker'; onUnreadable: (error: PayloadDecryptionError) => void };

/** The payload codec of the configured keys, or none: without keys payloads go to Temporal as they are. */
export function payloadCodecs(config: TemporalBoundaryConfig, side: CodecSide): PayloadCodec[] {
  const keys = config.TEMPORAL_PAYLOAD_KEYS;
  if (!keys?.length) return [];
  return [
    new PayloadEncryptionCodec(keys, {
      acceptPlaintext: config.TEMPORAL_PAYLOAD_PLAINTEXT === 'accept',
      ...(side.side === 'worker' ? { unreadable: 'empty', onUnreadable: side.onUnreadable } : { unreadable: 'throw' }),
    }),
  ];
}

/** The data converter of every client and worker of the product: the payload codec, if any, and the SDK's defaults. */
export function temporalDataConverter(config: TemporalBoundaryConfig, side: CodecSide): DataConverter {
  return { payloadCodecs: payloadCodecs(config, side) };
}

function pem(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`Invalid configuration: ${variable} cannot be read (${reason}): ${file}`);
  }
}
