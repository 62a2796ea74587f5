import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import { In, Repository } from 'typeorm';
import type { AppConfig } from '@notaflow/config';
import { DEMO_PASSWORD, DEMO_USERS, demoMailbox } from '@notaflow/domain';
import { UserEntity } from '@notaflow/persistence';
import { APP_CONFIG } from '../config/config.module';

export const BCRYPT_COST = 10;

/**
 * The demo identity provider's users (API.md), added on start-up in demo mode. Idempotent and cheap when
 * they already exist: tests boot many apps, and a bcrypt hash costs tens of milliseconds.
 */
@Injectable()
export class DemoUsersProvisioner implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoUsersProvisioner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.AUTH_MODE !== 'demo') return;
    await this.addMissingUsers();
    // Addresses came later than the first demo users: fill in what is still empty, never overwrite.
    await this.users.query(
      `UPDATE users SET email = demo.email
         FROM unnest($1::text[], $2::text[]) AS demo (username, email)
        WHERE users.username = demo.username AND users.email IS NULL`,
      [DEMO_USERS.map((user) => user.username), DEMO_USERS.map((user) => user.email)],
    );
    const organisations: { code: string }[] = await this.users.query(
      `SELECT code FROM organisations WHERE mailbox IS NULL`,
    );
    if (organisations.length) {
      await this.users.query(
        `UPDATE organisations SET mailbox = demo.mailbox
           FROM unnest($1::text[], $2::text[]) AS demo (code, mailbox)
          WHERE organisations.code = demo.code AND organisations.mailbox IS NULL`,
        [organisations.map((o) => o.code), organisations.map((o) => demoMailbox(o.code))],
      );
    }
  }

  private async addMissingUsers(): Promise<void> {
    const present = await this.users.find({
      select: { username: true },
      where: { username: In(DEMO_USERS.map((user) => user.username)) },
    });
    const known = new Set(present.map((user) => user.username));
    const missing = DEMO_USERS.filter((user) => !known.has(user.username));
    if (missing.length === 0) return;

    // One hash for all: they share the password, and each hash costs as much as the whole insert.
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);
    // ON CONFLICT: another instance starting on the same database may have added them meanwhile.
    await this.users.query(
      `INSERT INTO users (username, display_name, role, organisation_code, password_hash, email)
       SELECT username, display_name, role, organisation_code, $5, email
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[])
           AS demo (username, display_name, role, organisation_code, email)
       ON CONFLICT (username) DO NOTHING`,
      [
        missing.map((user) => user.username),
        missing.map((user) => user.displayName),
        missing.map((user) => user.role),
        missing.map((user) => user.organisation),
        passwordHash,
        missing.map((user) => user.email),
      ],
    );
    this.logger.log(`demo identity provider: added ${missing.length} of ${DEMO_USERS.length} demo users`);
  }
}
