/**
 * Prints a development token for the given roles and entity, and nothing else, on stdout:
 *
 *   npm run token -- --role intake-officer --entity OHCHR
 *   npm run token -- --role supervisor,verification-officer --entity OHCHR --ttl 1h
 *
 * Signed with JWT_SECRET (or the development default), JWT_ISSUER and JWT_AUDIENCE,
 * exactly as the services verify them. Errors go to stderr with exit code 2.
 */
import { parseArgs } from 'node:util';
import { isEntityCode } from '../actor/entity-code';
import { ROLES, isRole, type Role } from '../actor/role';
import { DEFAULT_DEVELOPMENT_TOKEN_TTL, issueDevelopmentToken } from '../token/development-token.issuer';

const USAGE = `Usage: npm run token -- --role <role>[,<role>...] [--role <role>] --entity <ENTITY> [--sub <id>] [--ttl <duration>]

  --role, -r    one or more of: ${ROLES.join(', ')}
  --entity, -e  UN entity code: uppercase letters, digits and hyphens (e.g. OHCHR)
  --sub         subject; default dev-<first role>-<entity lowercased>
  --ttl         lifetime such as 30m, 8h or 2d; default ${DEFAULT_DEVELOPMENT_TOKEN_TTL}`;

class UsageError extends Error {}

function parse(argv: string[]): { roles: Role[]; entity: string; sub?: string; ttl?: string } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', short: 'r', multiple: true },
        entity: { type: 'string', short: 'e' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'invalid arguments');
  }
  if (values.help) return 'help';

  const roles = (values.role ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (roles.length === 0) throw new UsageError('--role is required');
  if (!roles.every(isRole)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  if (!values.entity) throw new UsageError('--entity is required');
  if (!isEntityCode(values.entity)) {
    throw new UsageError('--entity must be uppercase letters, digits and hyphens (e.g. OHCHR)');
  }
  return { roles, entity: values.entity, sub: values.sub, ttl: values.ttl };
}

async function main(argv: string[]): Promise<number> {
  try {
    const request = parse(argv);
    if (request === 'help') {
      process.stderr.write(`${USAGE}\n`);
      return 0;
    }
    process.stdout.write(`${await issueDevelopmentToken(request)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unexpected failure';
    process.stderr.write(error instanceof UsageError ? `${message}\n\n${USAGE}\n` : `${message}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
