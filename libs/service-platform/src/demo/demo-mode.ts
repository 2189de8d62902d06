import { z } from 'zod';

const demoEnvironmentSchema = z.object({
  DEMO_MODE: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  NODE_ENV: z.string().optional(),
  SMTP_URL: z.string().optional(),
});

/** A demonstration system asked for where it must never run. */
export class DemoModeRefused extends Error {
  override readonly name = 'DemoModeRefused';
}

function demoEnvironmentOf(environment: NodeJS.ProcessEnv): z.infer<typeof demoEnvironmentSchema> {
  const parsed = demoEnvironmentSchema.safeParse(environment);
  if (!parsed.success)
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

/**
 * Whether the process runs as a demonstration (DEMO_MODE=true, or `requested` when the host asks
 * explicitly): fictional States admitted and a clock an admin can move. Never in production, and
 * never with SMTP_URL, since a demonstration's letters go to files only: the start stops with the
 * reason and what to do.
 */
export function demoModeOf(environment: NodeJS.ProcessEnv = process.env, requested?: boolean): boolean {
  const settings = demoEnvironmentOf(environment);
  const demo = requested ?? settings.DEMO_MODE === 'true';
  if (!demo) return false;
  if (settings.NODE_ENV === 'production')
    throw new DemoModeRefused(
      'DEMO_MODE=true is refused when NODE_ENV=production: a demonstration admits fictional States and a movable clock',
    );
  if (settings.SMTP_URL?.trim())
    throw new DemoModeRefused(
      'SMTP_URL is refused in demo mode: the letters of a demonstration go to .eml files in DISPATCH_DIR only, ' +
        'never to a mail server; unset SMTP_URL to start the demonstration',
    );
  return true;
}

/**
 * Demo mode is standalone only: the demonstration's one clock must be the one every service reads,
 * and a distributed process would have a clock of its own that `PUT /demo/clock` of another
 * process never moves.
 */
export function refuseDemoModeWhenDistributed(environment: NodeJS.ProcessEnv = process.env): void {
  if (demoEnvironmentOf(environment).DEMO_MODE === 'true')
    throw new DemoModeRefused(
      'DEMO_MODE=true is refused in distributed mode: demo mode is standalone only (one process, one demo clock ' +
        'for every service); start the demonstration with DEMO_MODE=true npm start',
    );
}
