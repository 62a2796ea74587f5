import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import { In, Repository } from 'typeorm';
import type { AppConfig } from '@notaflow/config';
import { DEMO_PASSWORD, DEMO_USERS } from '@notaflow/domain';
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
      `INSERT INTO users (username, display_name, role, organisation_code, password_hash)
       SELECT username, display_name, role, organisation_code, $5
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
           AS demo (username, display_name, role, organisation_code)
       ON CONFLICT (username) DO NOTHING`,
      [
        missing.map((user) => user.username),
        missing.map((user) => user.displayName),
        missing.map((user) => user.role),
        missing.map((user) => user.organisation),
        passwordHash,
      ],
    );
    this.logger.log(`demo identity provider: added ${missing.length} of ${DEMO_USERS.length} demo users`);
  }
}
