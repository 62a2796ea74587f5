import { Module } from '@nestjs/common';
import { HealthRepository } from '@notaflow/persistence';
import { repositoryProvider } from '../database/repository.provider';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [HealthController], providers: [HealthService, repositoryProvider(HealthRepository)] })
export class HealthModule {}
