// Integration secrets at rest and in use, shared by the API (inbound) and the worker (outbound).
export { IntegrationSecrets, ROTATION_OVERLAP_MS } from './integration-secrets.js';
