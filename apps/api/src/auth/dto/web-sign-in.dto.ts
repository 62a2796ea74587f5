import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

export class OidcClientConfigDto {
  @ApiProperty({ example: 'https://login.minjenv.nl/realms/rijk' }) issuer!: string;

  @ApiProperty({ example: 'https://login.minjenv.nl/realms/rijk/protocol/openid-connect/auth' })
  authorizationEndpoint!: string;

  @ApiPropertyOptional({ example: 'https://login.minjenv.nl/realms/rijk/protocol/openid-connect/logout' })
  endSessionEndpoint?: string;

  @ApiProperty({ example: 'notaflow-web' }) clientId!: string;

  @ApiProperty({ example: ['openid', 'profile'] }) scopes!: string[];

  @ApiProperty({ enum: ['S256'], description: 'PKCE code challenge method (RFC 7636)' }) codeChallengeMethod!: 'S256';

  @ApiProperty({
    example: '/api/v1/auth/oidc/token',
    description: 'Where the web app sends the authorization code and its PKCE verifier; the API relays them',
  })
  tokenPath!: string;

  @ApiPropertyOptional({
    example: ['urn:rijk:loa:substantial'],
    description: 'Levels of authentication (acr) to ask for: the API takes only tokens of multi-factor sign-ins',
  })
  acrValues?: string[];
}

export class AuthConfigDto {
  @ApiProperty({
    enum: ['demo', 'oidc'],
    description: '`demo`: POST /auth/token with a username and password. `oidc`: the authorization code flow.',
  })
  mode!: 'demo' | 'oidc';

  @ApiPropertyOptional({
    type: OidcClientConfigDto,
    nullable: true,
    description: 'With mode oidc; null when no client id is configured (OIDC_CLIENT_ID), so the web app cannot sign in',
  })
  oidc?: OidcClientConfigDto | null;
}

export class OidcCodeExchangeDto {
  @ApiProperty({ description: 'The authorization code the identity provider sent back' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  code!: string;

  @ApiProperty({ description: 'The PKCE code verifier (RFC 7636 §4.1): 43 to 128 characters' })
  @IsString()
  @Matches(/^[A-Za-z0-9\-._~]{43,128}$/, { message: '$property must be a PKCE code verifier (43-128 characters)' })
  codeVerifier!: string;

  @ApiProperty({ example: 'https://notaflow.minjenv.nl/inloggen/terug' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(2048)
  redirectUri!: string;
}

export class OidcTokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ example: 300 }) expiresIn!: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiPropertyOptional({ description: 'For signing out at the identity provider (id_token_hint)' }) idToken?: string;
}
