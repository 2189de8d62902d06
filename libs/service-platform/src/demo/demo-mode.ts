import { z } from 'zod';

const demoEnvironmentSchema = z.object({
  DEMO_MODE: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  NODE_ENV: z.string().optional(),
});

/** A demonstration system asked for where it must never run. */
export class DemoModeRefused extends Error {
  override readonly name = 'DemoModeRefused';
}

/**
 * Whether the process runs as a demonstration (DEMO_MODE=true): fictional States admitted and a
 * clock an admin can move. Never in production: the start stops with the reason.
 */
export function demoModeOf(environment: NodeJS.ProcessEnv = process.env): boolean {
  const parsed = demoEnvironmentSchema.safeParse(environment);
  if (!parsed.success)
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const demo = parsed.data.DEMO_MODE === 'true';
  if (demo && parsed.data.NODE_ENV === 'production')
    throw new DemoModeRefused(
      'DEMO_MODE=true is refused when NODE_ENV=production: a demonstration admits fictional States and a movable clock',
    );
  return demo;
}
