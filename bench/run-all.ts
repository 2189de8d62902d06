/** `npm run bench`: every benchmark, each printed as a table with its baseline and the ratio. */
import { benchAuditAppend } from './audit-append.bench';
import { benchEnvelopeCodec } from './envelope-codec.bench';
import { benchIdentityVault } from './identity-vault.bench';
import { benchMessagingPipeline } from './messaging-pipeline.bench';

async function main(): Promise<void> {
  process.env['LOG_LEVEL'] ??= 'warn';
  await benchEnvelopeCodec();
  await benchMessagingPipeline();
  await benchAuditAppend();
  await benchIdentityVault();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown'}\n`,
  );
  process.exit(1);
});
