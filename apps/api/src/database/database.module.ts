import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@notaflow/config';
import { dataSourceOptions } from '@notaflow/persistence';
import { APP_CONFIG } from '../config/config.module';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'notaflow-api',
        }),
        migrationsRun: config.RUN_MIGRATIONS,
        // Keep trying while PostgreSQL starts; a wrong DATABASE_URL still fails start-up within seconds.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
