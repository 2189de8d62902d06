import { z } from 'zod';

const hostEnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
});

export type HostEnvironment = z.infer<typeof hostEnvironmentSchema>;

export function hostEnvironment(environment: NodeJS.ProcessEnv = process.env): HostEnvironment {
  const parsed = hostEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
