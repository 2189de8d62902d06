/**
 * The environment of initdb and postgres: the search path and an English C locale (stable log
 * messages), nothing else from this process (no secrets, no PG* variables).
 */
export function serverEnvironment(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C' };
}
