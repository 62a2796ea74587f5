import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@notaflow/persistence';
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
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [AuthController, WebSignInController],
  providers: [
    AuthService,
    OidcProvider,
    OidcModeGuard,
    AccessTokenVerifier,
    DemoUsersProvisioner,
    DemoModeGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
