import { z } from 'zod';

const messagingEnvironmentSchema = z.object({
  MESSAGING_TRANSPORT: z.enum(['kafka', 'in-process']).default('in-process'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    ),
  KAFKA_CLIENT_ID: z.string().min(1).default('reprisals'),
});

export type MessagingConfig = z.infer<typeof messagingEnvironmentSchema>;

export function messagingConfigFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): MessagingConfig {
  const parsed = messagingEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new Error(
      `Invalid messaging configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
