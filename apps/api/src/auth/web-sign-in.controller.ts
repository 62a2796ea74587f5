import { Body, Controller, Get, HttpCode, Inject, Injectable, Post, UseGuards, type CanActivate } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AppConfig } from '@notaflow/config';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { AuthConfigDto, OidcCodeExchangeDto, OidcTokenDto } from './dto/web-sign-in.dto';
import { OidcProvider } from './oidc-provider';
import { Public } from './public.decorator';
import { SignInRateGuard } from '../security/sign-in.guard';

export const OIDC_SCOPES = ['openid', 'profile'];
export const OIDC_TOKEN_PATH = '/api/v1/auth/oidc/token';

/** Hides the code exchange while the demo identity provider is on; before the body is validated, as DemoModeGuard. */
@Injectable()
export class OidcModeGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (this.config.AUTH_MODE === 'oidc') return true;
    throw new AppException('oidc_sign_in_off', 'Sign-in with an identity provider is off (AUTH_MODE=demo).');
  }
}

/** How the web app signs its users in: the demo provider's form, or the organisation's identity provider. */
@ApiTags('auth')
@Controller('auth')
export class WebSignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcProvider,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({
    summary: 'How to sign in: demo (username and password) or oidc (authorization code flow with PKCE)',
    description: 'Public: the web app asks before anyone is signed in. Names no secret.',
  })
  @ApiOkResponse({ type: AuthConfigDto })
  @ApiServiceUnavailableResponse({ description: 'problem+json: the identity provider cannot be reached' })
  async authConfig(): Promise<AuthConfigDto> {
    if (this.config.AUTH_MODE === 'demo') return { mode: 'demo' };
    if (!this.config.OIDC_CLIENT_ID) return { mode: 'oidc', oidc: null };
    const endpoints = await this.oidc.endpoints();
    return {
      mode: 'oidc',
      oidc: {
        issuer: endpoints.issuer,
        authorizationEndpoint: endpoints.authorizationEndpoint,
        ...(endpoints.endSessionEndpoint ? { endSessionEndpoint: endpoints.endSessionEndpoint } : {}),
        clientId: this.config.OIDC_CLIENT_ID,
        scopes: OIDC_SCOPES,
        codeChallengeMethod: 'S256',
        tokenPath: OIDC_TOKEN_PATH,
        ...(this.config.OIDC_REQUIRE_MFA && this.config.OIDC_MFA_ACR_VALUES.length
          ? { acrValues: this.config.OIDC_MFA_ACR_VALUES }
          : {}),
      },
    };
  }

  @Public()
  @UseGuards(OidcModeGuard, SignInRateGuard)
  @Post('oidc/token')
  @HttpCode(200)
  @ApiOperation({
    summary: "Exchange the identity provider's authorization code (with the PKCE verifier) for its access token",
    description: 'Only with AUTH_MODE=oidc. The API relays the exchange to the provider; it keeps no token.',
  })
  @ApiOkResponse({ type: OidcTokenDto })
  @ApiBadRequestResponse({ description: 'problem+json naming each invalid field' })
  @ApiUnauthorizedResponse({ description: 'problem+json: the identity provider refused the code' })
  @ApiNotFoundResponse({ description: 'problem+json: the demo identity provider is on (AUTH_MODE=demo)' })
  async exchange(@Body() body: OidcCodeExchangeDto): Promise<OidcTokenDto> {
    const tokens = await this.oidc.exchangeCode(body);
    return { ...tokens, tokenType: 'Bearer' };
  }
}
