import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { SignJWT } from 'jose';
import type { AppConfig } from '@notaflow/config';
import type { Actor } from '@notaflow/domain';
import { UserRepository } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { SignInLockout } from '../security/sign-in-lockout.service';
import { DEMO_ALGORITHM, DEMO_AUDIENCE, DEMO_ISSUER, demoSigningKey } from './demo-token';
import type { ProfileDto } from './dto/profile.dto';
import type { TokenDto } from './dto/token.dto';

const WRONG_CREDENTIALS = 'Wrong username or password.';
// A cost-10 hash of a random password nobody knows. Comparing against it for an unknown user takes as long as
// for a known one, so the response time does not tell which usernames exist.
const NO_SUCH_USER_HASH = '$2b$10$lbKT4G8BC/BRo0UWc2lwQu31U95CJu/E8go0tgysUzeyVDNrgp6m2';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly lockout: SignInLockout,
  ) {}

  /** The demo identity provider's sign-in: a signed access token for a username and password, from `address`. */
  async issueToken(username: string, password: string, address: string): Promise<TokenDto> {
    await this.lockout.assertNotLocked(username, address);
    const user = await this.users.findWithPassword(username);
    const matches = await bcrypt.compare(password, user?.passwordHash ?? NO_SUCH_USER_HASH);
    // A deactivated user is refused as a wrong password would be: the answer tells nothing of who exists.
    if (!user?.passwordHash || !matches || user.deactivatedAt) {
      await this.lockout.recordFailure(username, address);
      throw new AppException('wrong_credentials', WRONG_CREDENTIALS);
    }
    await this.lockout.recordSuccess(username, address);

    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.JWT_TTL_SECONDS;
    const accessToken = await new SignJWT({ role: user.role, organisation: user.organisation, name: user.displayName })
      .setProtectedHeader({ alg: DEMO_ALGORITHM, typ: 'JWT' })
      .setSubject(user.username)
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEMO_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(demoSigningKey(this.config));
    return { accessToken, expiresIn, tokenType: 'Bearer' };
  }

  /** Who the caller is, with the name the registry knows them by. */
  async profile(actor: Actor): Promise<ProfileDto> {
    const displayName = await this.users.displayNameOf(actor.username);
    return {
      username: actor.username,
      displayName: displayName ?? actor.username,
      role: actor.role,
      organisation: actor.organisation,
    };
  }
}
