import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { toAmsterdamDate, vergaderjaarOf } from '@notaflow/calendar';
import { buildRouteTemplate, firstStage, type Actor, type RouteTemplate } from '@notaflow/domain';
import {
  FlowEventEntity,
  NotaEntity,
  NotaVersionEntity,
  OrganisationEntity,
  TaskEntity,
  UserEntity,
} from '@notaflow/persistence';
import { isUuid } from '../common/ids';
import { AppException, type FieldProblem } from '../common/app.exception';
import { FlowService } from '../flow/flow.service';
import type { CreateNotaDto, RouteDto } from './dto/create-nota.dto';
import type { ListNotasQuery } from './dto/list-notas.query';
import type { KamerstukDto } from './dto/nota-actions.dto';
import type { NotaDto, NotaSummaryDto, SubmitResultDto } from './dto/nota.dto';
import { canManageNota, canSeeNota, canSeeOrganisationPart } from './nota-access';
import { toNotaDto, toNotaSummary } from './nota.mapper';

@Injectable()
export class NotaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly flow: FlowService,
  ) {}

  /** Registers a nota and hands out its ons kenmerk from the PostgreSQL sequence. */
  async register(actor: Actor, dto: CreateNotaDto, known?: { id: string; onsKenmerk?: string }): Promise<NotaDto> {
    if (actor.role !== 'drafter') throw new AppException('role_not_allowed', 'Only drafters register notas.');
    const route = await this.validateRoute(actor, dto.route);
    // Only the demo seed brings its own id and a historical kenmerk, outside the sequence's range.
    const id = known?.id ?? randomUUID();
    await this.dataSource.transaction(async (db) => {
      await db.query(
        `INSERT INTO notas (id, ons_kenmerk, title, dossier, uw_kenmerk, due_on, organisation_code, created_by, route)
         VALUES ($1, COALESCE($9, lpad(nextval('ons_kenmerk_seq')::text, 7, '0')), $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          dto.title.trim(),
          dto.dossier ?? null,
          dto.uwKenmerk ?? null,
          dto.dueOn ?? null,
          actor.organisation,
          actor.username,
          JSON.stringify(route),
          known?.onsKenmerk ?? null,
        ],
      );
      await db.insert(NotaVersionEntity, { notaId: id, version: 1, note: null, createdBy: actor.username });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ListNotasQuery): Promise<NotaSummaryDto[]> {
    const qb = this.dataSource
      .getRepository(NotaEntity)
      .createQueryBuilder('n')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0);
    // The same rule as canSeeNota, in SQL, so paging counts only what the caller may see.
    const visible = ['n.organisation_code = :org'];
    if (actor.role === 'cosigner') {
      visible.push(
        `(n.status <> 'draft' AND EXISTS (SELECT 1 FROM jsonb_array_elements(n.route->'stages') s
           WHERE s->>'stage' = 'co-signing' AND s->'ministries' ? :org))`,
      );
    }
    if (actor.role === 'ministerraad') {
      visible.push(
        `(n.status <> 'draft' AND EXISTS (SELECT 1 FROM jsonb_array_elements(n.route->'stages') s
           WHERE s->>'stage' = 'ministerraad'))`,
      );
    }
    qb.where(`(${visible.join(' OR ')})`, { org: actor.organisation });
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.stage) qb.andWhere('n.stage = :stage', { stage: query.stage });
    if (query.dossier) qb.andWhere('n.dossier = :dossier', { dossier: query.dossier });
    return (await qb.getMany()).map(toNotaSummary);
  }

  async get(actor: Actor, id: string): Promise<NotaDto> {
    const nota = await this.findVisible(actor, id);
    const [tasks, history, versions] = await Promise.all([
      this.dataSource.getRepository(TaskEntity).find({
        where: { notaId: id },
        order: { createdAt: 'ASC', organisation: 'ASC' },
      }),
      this.dataSource.getRepository(FlowEventEntity).find({ where: { notaId: id }, order: { seq: 'ASC' } }),
      this.dataSource.getRepository(NotaVersionEntity).find({ where: { notaId: id }, order: { version: 'ASC' } }),
    ]);
    const mine = (organisation: string | null) => canSeeOrganisationPart(actor, nota, organisation);
    const visibleTasks = tasks.filter((t) => mine(t.organisation));
    return toNotaDto(nota, {
      tasks: visibleTasks,
      openTasks: visibleTasks.filter((t) => t.status === 'open'),
      history: history.filter((e) => mine(e.organisation)),
      versions,
    });
  }

  async submit(actor: Actor, id: string): Promise<SubmitResultDto> {
    const nota = await this.findManaged(actor, id);
    if (nota.status !== 'draft') {
      throw new AppException('nota_already_submitted', `The nota has already been submitted (status ${nota.status}).`);
    }
    const { workflowId, snapshot } = await this.flow.start({
      notaId: nota.id,
      onsKenmerk: nota.onsKenmerk,
      title: nota.title,
      organisation: nota.organisation,
      submittedBy: actor.username,
      version: nota.version,
      route: nota.route,
    });
    return { id: nota.id, status: snapshot.status, stage: snapshot.stage ?? firstStage(nota.route), workflowId };
  }

  async newVersion(actor: Actor, id: string, note: string | undefined): Promise<NotaDto> {
    const nota = await this.findManaged(actor, id);
    if (nota.status !== 'changes_requested') {
      throw new AppException(
        'nota_not_awaiting_version',
        `A new version is taken only after changes were requested (status ${nota.status}).`,
      );
    }
    await this.flow.newVersion(nota.id, { actor, note });
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<NotaDto> {
    const nota = await this.findManaged(actor, id);
    if (nota.status === 'draft') {
      // Not submitted: no flow to stop, the registry records it alone.
      const { affected } = await this.dataSource
        .getRepository(NotaEntity)
        .update({ id, status: 'draft' }, { status: 'withdrawn' });
      if (!affected) throw new AppException('nota_changed', 'The nota changed meanwhile; try again.');
    } else if (['rejected', 'withdrawn', 'dispatched'].includes(nota.status)) {
      throw new AppException('nota_closed', `The nota can no longer be withdrawn (status ${nota.status}).`);
    } else {
      await this.flow.withdraw(nota.id, { actor, reason });
    }
    return this.get(actor, id);
  }

  async recordKamerstuk(actor: Actor, id: string, dto: KamerstukDto): Promise<NotaDto> {
    const nota = await this.findManaged(actor, id);
    if (nota.status !== 'dispatched' || !nota.dispatchedAt) {
      throw new AppException(
        'kamerstuk_before_dispatch',
        'A Kamerstuk number is recorded after dispatch to the Kamer.',
      );
    }
    const vergaderjaar = vergaderjaarOf(toAmsterdamDate(nota.dispatchedAt));
    // Only where none is recorded yet, or the same one again: another number, sent before or at the same time, wins.
    const [, affected] = (await this.dataSource.query(
      `UPDATE notas SET kamerstuk_dossier = $2, kamerstuk_number = $3, kamerstuk_vergaderjaar = $4
        WHERE id = $1 AND (kamerstuk_number IS NULL OR (kamerstuk_number = $3 AND kamerstuk_dossier = $2))`,
      [id, dto.dossier, dto.number, vergaderjaar],
    )) as [unknown, number];
    if (!affected) {
      const recorded = await this.find(id);
      throw new AppException(
        'kamerstuk_already_recorded',
        `Kamerstuk ${recorded.kamerstukDossier} nr. ${recorded.kamerstukNumber} has already been recorded for this nota.`,
      );
    }
    return this.get(actor, id);
  }

  async findVisible(actor: Actor, id: string): Promise<NotaEntity> {
    const nota = await this.find(id);
    if (!canSeeNota(actor, nota))
      throw new AppException('nota_not_visible', 'This nota belongs to another organisation.');
    return nota;
  }

  private async findManaged(actor: Actor, id: string): Promise<NotaEntity> {
    const nota = await this.find(id);
    if (!canManageNota(actor, nota)) {
      throw new AppException('nota_not_managed', `Only drafters of ${nota.organisation} manage this nota.`);
    }
    return nota;
  }

  private async find(id: string): Promise<NotaEntity> {
    const nota = isUuid(id) ? await this.dataSource.getRepository(NotaEntity).findOneBy({ id }) : null;
    if (!nota) throw new AppException('nota_not_found', `No nota ${id}.`);
    return nota;
  }

  /** Known users with the right role in the drafter's organisation; ministries that exist and may co-sign. */
  private async validateRoute(actor: Actor, route: RouteDto): Promise<RouteTemplate> {
    const errors: FieldProblem[] = [];
    const names = [...route.reviewers, route.decider];
    const users = await this.dataSource.getRepository(UserEntity).findBy({ username: In(names) });
    const byName = new Map(users.map((u) => [u.username, u]));
    const check = (field: string, username: string, role: 'reviewer' | 'decider') => {
      const user = byName.get(username);
      if (!user)
        errors.push({
          name: field,
          code: 'unknown_user',
          reason: `is not a known user: ${username}`,
          params: { value: username },
        });
      else if (user.role !== role)
        errors.push({
          name: field,
          code: 'wrong_role',
          reason: `${username} is not a ${role}`,
          params: { value: username, role },
        });
      else if (user.organisation !== actor.organisation) {
        errors.push({
          name: field,
          code: 'other_organisation',
          reason: `${username} is not of ${actor.organisation}`,
          params: { value: username, organisation: actor.organisation },
        });
      }
    };
    route.reviewers.forEach((username, i) => check(`route.reviewers[${i}]`, username, 'reviewer'));
    check('route.decider', route.decider, 'decider');

    const organisations = await this.dataSource
      .getRepository(OrganisationEntity)
      .findBy({ code: In(route.coSigners.length ? route.coSigners : ['-']) });
    const known = new Map(organisations.map((o) => [o.code, o]));
    route.coSigners.forEach((code, i) => {
      const organisation = known.get(code);
      if (!organisation)
        errors.push({
          name: `route.coSigners[${i}]`,
          code: 'unknown_ministry',
          reason: `is not a known ministry: ${code}`,
          params: { value: code },
        });
      else if (!organisation.canCoSign)
        errors.push({
          name: `route.coSigners[${i}]`,
          code: 'does_not_co_sign',
          reason: `${code} does not co-sign`,
          params: { value: code },
        });
      else if (code === actor.organisation) {
        errors.push({
          name: `route.coSigners[${i}]`,
          code: 'own_ministry',
          reason: `${code} is the nota's own ministry`,
          params: { value: code },
        });
      }
    });
    if (errors.length) throw AppException.validation(errors, 'The route names unknown or unfit participants.');
    return buildRouteTemplate(route);
  }
}
