/** Health and readiness probes (/health, /intake/health, /health/ready...): kept out of logs and traces. */
export function isHealthCheck(url: string | undefined): boolean {
  const path = url?.split('?')[0] ?? '';
  return /(^|\/)health(\/[\w-]*)?\/?$/.test(path);
}
