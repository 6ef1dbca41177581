// Container health check for the API (Docker HEALTHCHECK): the slim base image has no curl, so
// Node's fetch asks /health/live on the configured port; any failure or non-2xx is unhealthy.
const port = process.env.PORT || '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(3000) });
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`health check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
