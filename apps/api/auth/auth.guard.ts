import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyRole } from '../../../libs/db/index.js';
import { ApiError, forbidden } from '../common/api-error.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators.js';
import { ApiKeyService } from './api-key.service.js';
import type { Principal } from './principal.js';

const unauthorized = (message: string) =>
  new ApiError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer' });

/** Every route needs a valid key unless marked @Public(); @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers.authorization;
    if (!header) throw unauthorized('missing API key: send Authorization: Bearer <key>');
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    if (!match) throw unauthorized('malformed Authorization header: expected Bearer <key>');
    const principal = await this.apiKeys.resolve(match[1]!);
    if (!principal) throw unauthorized('invalid or revoked API key');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(principal.role))
      throw forbidden(`this route needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}
