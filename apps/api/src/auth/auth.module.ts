import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganisationRepository, UserRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DemoModeGuard } from './demo-mode.guard';
import { DemoUsersProvisioner } from './demo-users.provisioner';
import { OidcProvider } from './oidc-provider';
import { OidcModeGuard, WebSignInController } from './web-sign-in.controller';

/** Who is calling: the demo identity provider or OIDC tokens, and the global guard in front of every route. */
@Module({
  controllers: [AuthController, WebSignInController],
  providers: [
    AuthService,
    OidcProvider,
    OidcModeGuard,
    AccessTokenVerifier,
    DemoUsersProvisioner,
    DemoModeGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
    ...repositoryProviders(UserRepository, OrganisationRepository),
  ],
  // The codec endpoint checks access tokens itself: it lives outside /api/v1, where the guard does not reach.
  exports: [AccessTokenVerifier],
})
export class AuthModule {}
