import { temporalTlsEnabled, type AppConfig } from '@notaflow/config';

/**
 * What a production process should not run without, said once at start-up rather than refused: a deployment may keep
 * Temporal's port behind a service mesh that does the mutual TLS, which the process cannot see.
 */
export function temporalBoundaryWarnings(
  config: Pick<
    AppConfig,
    | 'NODE_ENV'
    | 'TEMPORAL_PAYLOAD_KEYS'
    | 'TEMPORAL_PAYLOAD_PLAINTEXT'
    | 'TEMPORAL_TLS'
    | 'TEMPORAL_TLS_CERT'
    | 'TEMPORAL_TLS_CA'
    | 'TEMPORAL_TLS_SERVER_NAME'
  >,
): string[] {
  const warnings: string[] = [];
  if (config.NODE_ENV !== 'production') return warnings;
  if (!config.TEMPORAL_PAYLOAD_KEYS?.length) {
    warnings.push('TEMPORAL_PAYLOAD_KEYS is not set: titles and remarks reach Temporal unencrypted');
  } else if (config.TEMPORAL_PAYLOAD_PLAINTEXT === 'accept') {
    warnings.push('TEMPORAL_PAYLOAD_PLAINTEXT=accept: flows take unencrypted input from anyone who reaches Temporal');
  }
  if (!config.TEMPORAL_TLS_CERT) {
    warnings.push(
      temporalTlsEnabled(config)
        ? 'no client certificate for Temporal (TEMPORAL_TLS_CERT): its frontend cannot tell this process from anyone'
        : 'the connection to Temporal is not TLS (TEMPORAL_TLS_*): anyone who reaches its port can act on flows',
    );
  }
  return warnings;
}
