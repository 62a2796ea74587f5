import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { toAmsterdamDate, vergaderjaarOf } from '@notaflow/calendar';
import {
  buildRouteTemplate,
  firstStage,
  isTerminalStatus,
  mayManageNota,
  routeChoiceProblems,
  type Actor,
  type RouteTemplate,
} from '@notaflow/domain';
import {
  DocumentRepository,
  NotaRepository,
  OrganisationRepository,
  UserRepository,
  type NotaEntity,
} from '@notaflow/persistence';
import { isUuid } from '../common/ids';
import { AppException, type FieldProblem } from '../common/app.exception';
import { FlowService } from '../flow/flow.service';
import type { CreateNotaDto, RouteDto } from './dto/create-nota.dto';
import type { ListNotasQuery } from './dto/list-notas.query';
import type { KamerstukDto } from './dto/nota-actions.dto';
import type { NotaDto, NotaSummaryDto, SubmitResultDto } from './dto/nota.dto';
import { requestDigest } from './idempotency-key';
import { toNotaDto, toNotaSummary } from './nota.mapper';

@Injectable()
export class NotaService {
  constructor(
    private readonly notas: NotaRepository,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly documents: DocumentRepository,
    private readonly flow: FlowService,
  ) {}

  /** Registers a nota and hands out its ons kenmerk from the PostgreSQL sequence. */
  async register(actor: Actor, dto: CreateNotaDto, known?: { id: string; onsKenmerk?: string }): Promise<NotaDto> {
    return (await this.registerOnce(actor, dto, undefined, known)).nota;
  }

  /**
   * As `register`, once per `Idempotency-Key` of the user within 24 hours: sent again, the key answers the nota it
   * registered (`replayed`), never a second ons kenmerk; with another request than the first, it is refused.
   */
  async registerOnce(
    actor: Actor,
    dto: CreateNotaDto,
    idempotencyKey: string | undefined,
    known?: { id: string; onsKenmerk?: string },
  ): Promise<{ nota: NotaDto; replayed: boolean }> {
    if (actor.role !== 'drafter') throw new AppException('role_not_allowed', 'Only drafters register notas.');
    const route = await this.validateRoute(actor, dto.route);
    // Only the demo seed brings its own id and a historical kenmerk, outside the sequence's range.
    const id = known?.id ?? randomUUID();
    const claim = idempotencyKey ? { key: idempotencyKey, requestSha256: requestDigest(dto) } : undefined;
    const registration = await this.notas.register(
      {
        id,
        title: dto.title.trim(),
        dossier: dto.dossier ?? null,
        uwKenmerk: dto.uwKenmerk ?? null,
        dueOn: dto.dueOn ?? null,
        organisation: actor.organisation,
        createdBy: actor.username,
        route,
        documentDate: dto.documentDate ?? null,
        kamerstukken: (dto.kamerstukken ?? []).map(({ dossier, number }) => ({ dossier, number })),
        ...(known?.onsKenmerk !== undefined ? { onsKenmerk: known.onsKenmerk } : {}),
      },
      claim,
    );
    if (registration.created) return { nota: await this.get(actor, id), replayed: false };
    if (!registration.sameRequest) {
      throw new AppException(
        'idempotency_key_reused',
        'This Idempotency-Key registered a nota from another request within the last 24 hours: use a new key.',
      );
    }
    return { nota: await this.get(actor, registration.notaId), replayed: true };
  }

  async list(actor: Actor, query: ListNotasQuery): Promise<NotaSummaryDto[]> {
    const notas = await this.notas.list(actor, {
      status: query.status,
      stage: query.stage,
      dossier: query.dossier,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return notas.map(toNotaSummary);
  }

  async get(actor: Actor, id: string): Promise<NotaDto> {
    const nota = await this.findVisible(actor, id);
    const [{ tasks, history, versions }, document] = await Promise.all([
      this.notas.partsFor(actor, id),
      this.documents.notaDocument(id, nota.version),
    ]);
    return toNotaDto(nota, {
      tasks,
      openTasks: tasks.filter((t) => t.status === 'open'),
      history,
      versions,
      documentSha256: document?.sha256 ?? null,
    });
  }

  async submit(actor: Actor, id: string): Promise<SubmitResultDto> {
    const nota = await this.findManaged(actor, id);
    if (nota.status !== 'draft') {
      throw new AppException('nota_already_submitted', `The nota has already been submitted (status ${nota.status}).`);
    }
    const documentSha256 = await this.sealOpenVersion(actor, nota, 'draft', null);
    const { workflowId, snapshot } = await this.flow.start({
      notaId: nota.id,
      onsKenmerk: nota.onsKenmerk,
      title: nota.title,
      organisation: nota.organisation,
      submittedBy: actor.username,
      version: nota.version,
      route: nota.route,
      documentSha256,
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
    const documentSha256 = await this.sealOpenVersion(actor, nota, 'changes_requested', note ?? null);
    await this.flow.newVersion(nota.id, { actor, note, documentSha256 });
    return this.get(actor, id);
  }

  /**
   * Seals the open version before the flow takes it (a draft's first, or version n+1 after changes were requested):
   * from then on its documents never change, so the hash handed to the flow is the text every decision is checked
   * against. Under the nota's lock, so no upload slips in between; sealing again (a retried submit) changes nothing.
   */
  private sealOpenVersion(
    actor: Actor,
    nota: NotaEntity,
    status: 'draft' | 'changes_requested',
    note: string | null,
  ): Promise<string> {
    return this.documents.transaction(async (db) => {
      const locked = await this.documents.lockNota(db, nota.id);
      if (!locked || locked.status !== status) throw new AppException('nota_changed', 'The nota changed meanwhile.');
      const version = status === 'draft' ? locked.version : locked.version + 1;
      const document = await this.documents.notaDocument(nota.id, version, db);
      if (!document) {
        throw new AppException(
          'document_missing',
          `Version ${version} has no nota document: upload it or write it in the app first.`,
        );
      }
      await this.documents.seal(db, { notaId: nota.id, version, createdBy: actor.username, note });
      return document.sha256;
    });
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<NotaDto> {
    const nota = await this.findManaged(actor, id);
    if (nota.status === 'draft') {
      // Not submitted: no flow to stop, the registry records it alone, with its reason.
      const outcome = await this.notas.withdrawDraft(id, { actor, reason });
      if (outcome === 'submitting') {
        throw new AppException('nota_changed', 'The nota is being submitted; withdraw it once its flow has started.');
      }
      if (outcome === 'changed') throw new AppException('nota_changed', 'The nota changed meanwhile; try again.');
    } else if (isTerminalStatus(nota.status)) {
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
    const outcome = await this.notas.recordKamerstuk(id, { dossier: dto.dossier, number: dto.number, vergaderjaar });
    if (outcome === 'taken') {
      // Which nota holds it is not said: it may be another organisation's.
      throw new AppException('kamerstuk_taken', `Kamerstuk ${dto.dossier} nr. ${dto.number} belongs to another nota.`);
    }
    if (outcome === 'other') {
      const recorded = await this.find(id);
      throw new AppException(
        'kamerstuk_already_recorded',
        `Kamerstuk ${recorded.kamerstukDossier} nr. ${recorded.kamerstukNumber} has already been recorded for this nota.`,
      );
    }
    return this.get(actor, id);
  }

  /** The nota, for `actor` to read: 404 when there is none, 403 when it is not theirs to see. */
  private async findVisible(actor: Actor, id: string): Promise<NotaEntity> {
    const found = isUuid(id) ? await this.notas.findFor(actor, id) : null;
    if (!found) throw new AppException('nota_not_found', `No nota ${id}.`);
    if (!found.visible) throw new AppException('nota_not_visible', 'This nota belongs to another organisation.');
    return found.nota;
  }

  private async findManaged(actor: Actor, id: string): Promise<NotaEntity> {
    const nota = await this.find(id);
    if (!mayManageNota(actor, nota.organisation)) {
      throw new AppException('nota_not_managed', `Only drafters of ${nota.organisation} manage this nota.`);
    }
    return nota;
  }

  private async find(id: string): Promise<NotaEntity> {
    const nota = isUuid(id) ? await this.notas.find(id) : null;
    if (!nota) throw new AppException('nota_not_found', `No nota ${id}.`);
    return nota;
  }

  /** Known users with the right role in the drafter's organisation; ministries that exist and may co-sign. */
  private async validateRoute(actor: Actor, route: RouteDto): Promise<RouteTemplate> {
    const errors: FieldProblem[] = routeChoiceProblems(route);
    const names = [...route.reviewers, route.decider];
    const users = await this.users.findByUsernames(names);
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

    const organisations = await this.organisations.findByCodes(route.coSigners);
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
