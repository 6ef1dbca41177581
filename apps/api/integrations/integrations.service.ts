import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { IntegrationRepository, type IntegrationRow, newId, OrgRepository, isId } from '../../../libs/db/index.js';
import { IntegrationSecrets, ROTATION_OVERLAP_MS } from '../../../libs/integrations/index.js';
import {
  assertSafeCallbackUrl,
  parseAllowHosts,
  resolveAndCheck,
  UnsafeCallbackUrlError,
} from '../../../libs/webhooks/index.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { SERVER_SECRET } from '../auth/server-secret.js';
import { ApiError, notFound } from '../common/api-error.js';
import type { CreateIntegrationBody, PatchIntegrationBody } from './integration.dto.js';

/**
 * Integrations: secrets generated here and shown once, callback URLs checked against the SSRF
 * guard, and the visibility rule for integration keys (API.md: "read its own integration only").
 */
@Injectable()
export class IntegrationsService {
  readonly secrets: IntegrationSecrets;
  private readonly allowHosts: string[];

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly orgs: OrgRepository,
    @Inject(SERVER_SECRET) serverSecret: string,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secrets = new IntegrationSecrets(serverSecret);
    this.allowHosts = parseAllowHosts(config.webhooks.allowHosts);
  }

  async create(principal: Principal, body: CreateIntegrationBody) {
    const orgId = await this.targetOrg(principal, body.orgId);
    const callbackUrl = await this.checkCallbackUrl(body.callbackUrl);
    const id = newId();
    const { plain, encrypted } = this.secrets.generate(id);
    const row = await this.integrations.create({
      id,
      orgId,
      name: body.name,
      callbackUrl,
      events: body.events,
      ...encrypted,
    });
    return { row, ...plain };
  }

  async update(principal: Principal, id: string, patch: PatchIntegrationBody): Promise<IntegrationRow> {
    await this.find(principal, id);
    const callbackUrl = patch.callbackUrl === undefined ? undefined : await this.checkCallbackUrl(patch.callbackUrl);
    const updated = await this.integrations.update(id, orgScope(principal), { ...patch, callbackUrl });
    if (!updated) throw notFound('integration');
    return updated;
  }

  /** New secrets now; the replaced ones stay valid both ways for 24 hours. */
  async rotate(principal: Principal, id: string) {
    await this.find(principal, id);
    const { plain, encrypted } = this.secrets.generate(id);
    const previousExpiresAt = new Date(Date.now() + ROTATION_OVERLAP_MS);
    if (!(await this.integrations.rotate(id, orgScope(principal), { ...encrypted, previousExpiresAt })))
      throw notFound('integration');
    return { id, ...plain, previousSecretsExpireAt: previousExpiresAt };
  }

  /** The integration if the caller may see it; 404 otherwise (other tenants, other integrations). */
  async find(principal: Principal, id: string): Promise<IntegrationRow> {
    const integration = isId(id) ? await this.integrations.findById(id, orgScope(principal)) : null;
    if (!integration) throw notFound('integration');
    const onlyId = await this.visibleOnly(principal);
    if (onlyId !== undefined && onlyId !== integration.id) throw notFound('integration');
    return integration;
  }

  /**
   * Integration keys see only the integration their key is bound to (api_keys.integration_id);
   * a key bound to none sees none. Undefined: no such restriction (admins, teachers).
   */
  async visibleOnly(principal: Principal): Promise<string | null | undefined> {
    return principal.role === 'integration' ? this.integrations.integrationIdOfKey(principal.keyId) : undefined;
  }

  /** Refused at save time: non-http(s), credentials, literal internal IPs, names resolving to them. */
  private async checkCallbackUrl(url: string): Promise<string> {
    try {
      const parsed = assertSafeCallbackUrl(url, { allowHosts: this.allowHosts });
      await resolveAndCheck(parsed.hostname, { allowHosts: this.allowHosts }).catch((error: unknown) => {
        // A name that does not resolve yet is checked again, after resolution, at every delivery.
        if (!(error instanceof UnsafeCallbackUrlError && error.code === 'unresolvable')) throw error;
      });
      return parsed.toString();
    } catch (error) {
      if (error instanceof UnsafeCallbackUrlError)
        throw new ApiError(422, 'unsafe_callback_url', error.message, { reason: error.code });
      throw error;
    }
  }

  private async targetOrg(principal: Principal, requestedOrgId: string | undefined): Promise<string> {
    if (principal.role !== 'admin') return principal.orgId!;
    if (!requestedOrgId) throw new ApiError(422, 'invalid_content', 'admins must give orgId (in the body or ?orgId=)');
    if (!isId(requestedOrgId) || !(await this.orgs.findById(requestedOrgId))) throw notFound('organization');
    return requestedOrgId;
  }
}
