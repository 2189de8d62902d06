/** Jest's arguments from what follows the script name (a leading `--` is dropped). */
export function jestArguments(argv: readonly string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}

/** The projects named by --selectProjects (empty: all projects). */
export function selectedProjects(args: readonly string[]): string[] {
  const projects: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg.startsWith('--selectProjects='))
      projects.push(...arg.slice('--selectProjects='.length).split(','));
    else if (arg === '--selectProjects') {
      while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) projects.push(args[++i]!);
    }
  }
  return projects.filter(Boolean);
}

/** Unit tests do no I/O: a run of unit tests only needs no broker. */
export function needsKafka(args: readonly string[]): boolean {
  const projects = selectedProjects(args);
  return projects.length === 0 || projects.some((project) => project !== 'unit');
}
