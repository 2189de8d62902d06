import type { Provider } from '@nestjs/common';
import { z } from 'zod';

/** The smallest count statistics show as a number when STATISTICS_SUPPRESSION_THRESHOLD is not set. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** Injection token of the StatisticsSuppressionConfig. */
export const STATISTICS_SUPPRESSION = Symbol('StatisticsSuppression');

export interface StatisticsSuppressionConfig {
  /** Counts from 1 to threshold − 1 are shown as `<threshold`; 1 shows every count. */
  threshold: number;
}

/** A configuration reporting cannot start with; the message names the variable at fault. */
export class StatisticsSuppressionConfigurationError extends Error {
  override readonly name = 'StatisticsSuppressionConfigurationError';
}

const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const StatisticsSuppressionEnvSchema = z.object({
  STATISTICS_SUPPRESSION_THRESHOLD: z.preprocess(
    unsetWhenEmpty,
    z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .default(DEFAULT_SUPPRESSION_THRESHOLD),
  ),
});

/** STATISTICS_SUPPRESSION_THRESHOLD (default 5). Throws naming the variable at fault. */
export function statisticsSuppressionFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): StatisticsSuppressionConfig {
  const result = StatisticsSuppressionEnvSchema.safeParse(env);
  if (!result.success) {
    throw new StatisticsSuppressionConfigurationError(
      `Statistics configuration is not valid: ${result.error.issues
        .map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`)
        .join('; ')}`,
    );
  }
  return { threshold: result.data.STATISTICS_SUPPRESSION_THRESHOLD };
}

/** The threshold of this process, read once when the module starts: a bad value stops it before it serves. */
export function statisticsSuppressionProvider(env?: NodeJS.ProcessEnv): Provider {
  return {
    provide: STATISTICS_SUPPRESSION,
    useFactory: () => statisticsSuppressionFromEnvironment(env ?? process.env),
  };
}
