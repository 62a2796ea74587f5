import { Module } from '@nestjs/common';
import { NotaModule } from '../notas/nota.module';
import { TaskModule } from '../tasks/task.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [NotaModule, TaskModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class SeedModule {}
