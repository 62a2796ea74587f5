import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@notaflow/config';
import { dataSourceOptions, migrateOnce } from '@notaflow/persistence';
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
        // Read by the factory below, which migrates itself rather than let TypeORM do it unguarded.
        migrationsRun: config.RUN_MIGRATIONS,
        // Keep trying while PostgreSQL starts; a wrong DATABASE_URL still fails start-up within seconds.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
      // Replicas started together migrate one at a time (RUN_MIGRATIONS): the others wait, then find nothing to do.
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const { migrationsRun, ...rest } = options!;
        const dataSource = await new DataSource({ ...rest, migrationsRun: false }).initialize();
        try {
          if (migrationsRun) await migrateOnce(dataSource);
        } catch (error) {
          // Tried again from the start (retryAttempts): this one's connections go first.
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
