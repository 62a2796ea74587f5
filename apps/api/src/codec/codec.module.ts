import { Module } from '@nestjs/common';
import { AuditRepository } from '@notaflow/persistence';
import { AuthModule } from '../auth/auth.module';
import { repositoryProviders } from '../database/repository.providers';
import { CodecEndpoint } from './codec.endpoint';

/** The codec server of the Temporal Web UI and CLI: flow payloads decoded and encoded for an admin or operator. */
@Module({
  imports: [AuthModule],
  providers: [CodecEndpoint, ...repositoryProviders(AuditRepository)],
})
export class CodecModule {}
