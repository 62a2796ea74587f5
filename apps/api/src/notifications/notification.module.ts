import { Module } from '@nestjs/common';
import { NotificationRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { NotificationController } from './notification.controller';
import { NotificationService } from './notification.service';

@Module({
  controllers: [NotificationController],
  providers: [NotificationService, ...repositoryProviders(NotificationRepository)],
})
export class NotificationModule {}
