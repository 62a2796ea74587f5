import { Module } from '@nestjs/common';
import { FlowModule } from '../flow/flow.module';
import { NotaController } from './nota.controller';
import { NotaService } from './nota.service';

@Module({ imports: [FlowModule], controllers: [NotaController], providers: [NotaService], exports: [NotaService] })
export class NotaModule {}
