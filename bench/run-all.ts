/** `npm run bench`: every benchmark, each printed as a table with its baseline and the ratio. */
import { benchAuditAppend } from './audit-append.bench';
import { benchEnvelopeCodec } from './envelope-codec.bench';
import { benchIdentityVault } from './identity-vault.bench';
import { benchMessagingPipeline } from './messaging-pipeline.bench';
import { benchReporting } from './reporting/reporting.bench';

async function main(): Promise<void> {
  process.env['LOG_LEVEL'] ??= 'warn';
  await benchEnvelopeCodec();
  await benchMessagingPipeline();
  await benchAuditAppend();
  await benchIdentityVault();
  // A small load (2 000 cases); `npm run bench:reporting` runs the full 100 000.
  await benchReporting({ cases: 2_000, lanes: 3, standaloneShare: 0.05, runs: 3, seed: 2026 });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown'}\n`,
  );
  process.exit(1);
});
