import { Injectable } from '@nestjs/common';
import { OrganisationRepository } from '@notaflow/persistence';
import type { OrganisationDto } from './organisation.dto';

@Injectable()
export class OrganisationService {
  constructor(private readonly organisations: OrganisationRepository) {}

  /** The organisations of the registry, by name: kept as data, so a ministry that joins needs no release. */
  async list(): Promise<OrganisationDto[]> {
    const rows = await this.organisations.list();
    return rows.map(({ code, name, canCoSign }) => ({ code, name, canCoSign }));
  }
}
