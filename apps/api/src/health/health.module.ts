import { Module } from '@nestjs/common';
import { HealthRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [HealthController], providers: [HealthService, ...repositoryProviders(HealthRepository)] })
export class HealthModule {}
