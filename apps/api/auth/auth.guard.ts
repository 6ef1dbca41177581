import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyRole } from '../../../libs/db/index.js';
import { ApiError, forbidden } from '../common/api-error.js';
import { AuthFailureLimiter } from '../rate-limit/auth-failure-limiter.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators.js';
import { ApiKeyService } from './api-key.service.js';
import type { Principal } from './principal.js';

const unauthorized = (message: string) =>
  new ApiError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer' });

const tooManyFailures = (retryAfterS: number) =>
  new ApiError(
    429,
    'rate_limited',
    `too many failed authentications from this address; retry after ${retryAfterS} s`,
    undefined,
    { 'retry-after': String(retryAfterS) },
  );

type GuardedRequest = { headers: Record<string, string | undefined>; ip: string; principal?: Principal };

/**
 * Every route needs a valid key unless marked @Public(); @Roles narrows who may call it. Failed
 * authentications are limited per client address: once over the limit, only keys already known
 * good get through (the others get 429 without a database lookup).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(principal.role))
      throw forbidden(`this route needs one of the roles: ${roles.join(', ')}`);
    return true;
  }

  private async authenticate(request: GuardedRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const key = header ? /^Bearer\s+(\S{1,200})$/i.exec(header)?.[1] : undefined;
    const known = key === undefined ? undefined : this.apiKeys.cached(key);
    if (known) return known;
    const blockedFor = this.failures.blockedFor(request.ip);
    if (blockedFor !== null) throw tooManyFailures(blockedFor);
    const principal = key === undefined ? null : await this.apiKeys.resolve(key);
    if (principal) return principal;
    const retryAfterS = await this.failures.recordFailure(request.ip);
    if (retryAfterS !== null) throw tooManyFailures(retryAfterS);
    if (!header) throw unauthorized('missing API key: send Authorization: Bearer <key>');
    if (key === undefined) throw unauthorized('malformed Authorization header: expected Bearer <key>');
    throw unauthorized('invalid or revoked API key');
  }
}
