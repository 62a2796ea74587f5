import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from '@notaflow/persistence';
import type { OrganisationDto } from './organisation.dto';

@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisations of the registry, by name: kept as data, so a ministry that joins needs no release. */
  async list(): Promise<OrganisationDto[]> {
    const rows = await this.dataSource.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
    return rows.map(({ code, name, canCoSign }) => ({ code, name, canCoSign }));
  }
}
