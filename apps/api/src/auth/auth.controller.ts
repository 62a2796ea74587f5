import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { DemoModeGuard } from './demo-mode.guard';
import { ProfileDto } from './dto/profile.dto';
import { TokenDto, TokenRequestDto } from './dto/token.dto';
import { Public } from './public.decorator';
import { SignInRateGuard } from '../security/sign-in.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(DemoModeGuard, SignInRateGuard)
  @Post('token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the demo identity provider',
    description: 'Only with AUTH_MODE=demo; in production the OIDC identity provider hands out access tokens.',
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiBadRequestResponse({ description: 'problem+json naming each invalid field' })
  @ApiUnauthorizedResponse({ description: 'problem+json: wrong username or password' })
  @ApiNotFoundResponse({ description: 'problem+json: the demo identity provider is off (AUTH_MODE=oidc)' })
  @ApiTooManyRequestsResponse({
    description: 'problem+json with Retry-After: too many attempts from this address, or this username is locked out',
  })
  issueToken(@Body() body: TokenRequestDto, @Ip() address: string): Promise<TokenDto> {
    return this.auth.issueToken(body.username, body.password, address ?? '');
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the access token belongs to' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiUnauthorizedResponse({ description: 'problem+json: no valid access token' })
  me(@CurrentActor() actor: Actor): Promise<ProfileDto> {
    return this.auth.profile(actor);
  }
}
