import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '../../../libs/db/index.js';
import type { Principal } from './principal.js';

export const PUBLIC_ROUTE = 'stepgrade:public';
export const ALLOWED_ROLES = 'stepgrade:roles';

/** No API key needed (health, signed webhooks, signed review links). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles allowed on a route (API.md's role table); without it every role is allowed. */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
