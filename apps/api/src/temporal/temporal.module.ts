import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@notaflow/config';
import {
  temporalBoundaryWarnings,
  temporalConnectionOptions,
  temporalDataConverter,
} from '@notaflow/temporal-connection';
import { APP_CONFIG } from '../config/config.module';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** Without gRPC retries: a health probe must answer "down" at once, and leave no retry behind at shutdown. */
export const TEMPORAL_PROBE_CONNECTION = Symbol('TEMPORAL_PROBE_CONNECTION');

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [APP_CONFIG],
      // Lazy: the API starts and reports "temporal: down" on /health while the server is away, then recovers.
      useFactory: (config: AppConfig) => Connection.lazy(temporalConnectionOptions(config)),
    },
    {
      provide: TEMPORAL_PROBE_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Connection.lazy({ ...temporalConnectionOptions(config), interceptors: [] }),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, APP_CONFIG],
      // The payload codec: what the API sends a flow (titles, remarks, who decides) reaches Temporal encrypted.
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({
          connection,
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: temporalDataConverter(config, { side: 'client' }),
        }),
    },
  ],
  exports: [TEMPORAL_CONNECTION, TEMPORAL_PROBE_CONNECTION, Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(TEMPORAL_PROBE_CONNECTION) private readonly probeConnection: Connection,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    for (const warning of temporalBoundaryWarnings(config)) new Logger('Temporal').warn(warning);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.connection.close(), this.probeConnection.close()]);
  }
}
