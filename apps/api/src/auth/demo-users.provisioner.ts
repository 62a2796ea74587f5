import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { AppConfig } from '@notaflow/config';
import { DEMO_PASSWORD, DEMO_USERS, demoMailbox } from '@notaflow/domain';
import { OrganisationRepository, UserRepository } from '@notaflow/persistence';
import { APP_CONFIG } from '../config/config.module';

export const BCRYPT_COST = 10;

/**
 * The demo identity provider's users (API.md), added on start-up when the demo is seeded (SEED_DEMO `true`, or
 * `users` for the users alone), whatever AUTH_MODE says: a user with the public password `demo` exists nowhere else,
 * and demo mode alone no longer adds one. Idempotent and cheap when they already exist: tests boot many apps, and a
 * bcrypt hash costs tens of milliseconds.
 */
@Injectable()
export class DemoUsersProvisioner implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoUsersProvisioner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO === false) return;
    await this.addMissingUsers();
    // Addresses came later than the first demo users: fill in what is still empty, never overwrite.
    await this.users.fillMissingEmails(DEMO_USERS);
    const withoutMailbox = await this.organisations.withoutMailbox();
    if (withoutMailbox.length) {
      await this.organisations.fillMissingMailboxes(
        withoutMailbox.map((code) => ({ code, mailbox: demoMailbox(code) })),
      );
    }
  }

  private async addMissingUsers(): Promise<void> {
    const present = await this.users.findByUsernames(DEMO_USERS.map((user) => user.username));
    const known = new Set(present.map((user) => user.username));
    const missing = DEMO_USERS.filter((user) => !known.has(user.username));
    if (missing.length === 0) return;

    // One hash for all: they share the password, and each hash costs as much as the whole insert.
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);
    // Another instance starting on the same database may have added them meanwhile: those are left alone.
    await this.users.addMissing(missing, passwordHash);
    this.logger.log(`demo identity provider: added ${missing.length} of ${DEMO_USERS.length} demo users`);
  }
}
