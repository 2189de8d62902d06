/**
 * Operator command for dead letters, through the service's own API (so it works the same in
 * standalone and distributed mode):
 *
 *   npm run dlq:list   -- --service verification [--url http://127.0.0.1:3000]
 *   npm run dlq:replay -- --service verification --id <dead letter id> [--url ...]
 *
 * The token comes from REPRISALS_TOKEN, or is minted as a development admin token when the
 * development secret is in use.
 *
 * It writes nothing itself: the routes audit every list and replay in the service's trail (a
 * refused replay as denied), under the token's account. Give each operator a token of their own,
 * so that the trail names who listed or replayed; the development token is `dead-letter-operator`.
 */
import { parseArgs } from 'node:util';
import { issueDevelopmentToken } from '@reprisals/security';

const SERVICES = ['intake', 'verification', 'state-communication', 'reporting'] as const;
const DEFAULT_PORTS: Record<(typeof SERVICES)[number], number> = {
  intake: 3001,
  verification: 3002,
  'state-communication': 3003,
  reporting: 3004,
};

interface DeadLetterRow {
  id: string;
  subscriber: string;
  eventType: string | null;
  caseId: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      service: { type: 'string' },
      id: { type: 'string' },
      url: { type: 'string' },
      distributed: { type: 'boolean', default: false },
    },
  });
  const service = SERVICES.find((candidate) => candidate === values.service);
  if (!service || (command !== 'list' && command !== 'replay') || (command === 'replay' && !values.id)) {
    process.stderr.write(
      'usage: dead-letters list --service <intake|verification|state-communication|reporting> [--url URL | --distributed]\n' +
        '       dead-letters replay --service <...> --id <dead letter id> [--url URL | --distributed]\n',
    );
    return 2;
  }
  const base = values.url ?? `http://127.0.0.1:${values.distributed ? DEFAULT_PORTS[service] : 3000}`;
  const token =
    process.env['REPRISALS_TOKEN'] ??
    (await issueDevelopmentToken({
      sub: 'dead-letter-operator',
      entity: 'OHCHR',
      roles: ['admin'],
      ttl: '5m',
    }));
  const headers = { authorization: `Bearer ${token}` };
  if (command === 'list') {
    const response = await fetch(`${base}/${service}/dead-letters`, { headers });
    if (!response.ok) return fail(response);
    const { deadLetters } = (await response.json()) as { deadLetters: DeadLetterRow[] };
    process.stdout.write(`${deadLetters.length} dead letter(s) in ${service}\n`);
    if (deadLetters.length > 0) {
      console.table(
        deadLetters.map((letter) => ({
          id: letter.id,
          subscriber: letter.subscriber,
          event: letter.eventType,
          case: letter.caseId,
          attempts: letter.attempts,
          failedAt: letter.failedAt,
          reason: letter.reason.slice(0, 100),
        })),
      );
    }
    return 0;
  }
  const response = await fetch(`${base}/${service}/dead-letters/${values.id}/replay`, {
    method: 'POST',
    headers,
  });
  if (!response.ok) return fail(response);
  const { outcome } = (await response.json()) as { outcome: string };
  process.stdout.write(`dead letter ${values.id}: ${outcome}\n`);
  return outcome === 'dead-lettered' ? 1 : 0;
}

async function fail(response: Response): Promise<number> {
  process.stderr.write(
    `${response.status} ${response.statusText}: ${(await response.text()).slice(0, 300)}\n`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dead-letters: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exit(1);
  },
);
