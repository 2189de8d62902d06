import { DemoCallFailed, DemoStepFailed } from './demo-client';
import { DemoRefused } from './fill-demo';

/**
 * What `npm run demo` prints of a failure, and its exit code (2: the system cannot be filled; 1: a
 * call or step failed). The demonstration's own errors are written never to quote what the system
 * answered, so their message is printed; of any other error only its kind and where it was raised,
 * since its message may quote a body (a parser's does), and a body may hold what a person wrote.
 */
export function describeFailure(error: unknown): { line: string; exitCode: 1 | 2 } {
  if (error instanceof DemoRefused) return { line: `demo: ${error.message}`, exitCode: 2 };
  if (error instanceof DemoCallFailed || error instanceof DemoStepFailed)
    return { line: `demo: failed: ${error.message}`, exitCode: 1 };
  if (!(error instanceof Error)) return { line: 'demo: failed: unexpected failure', exitCode: 1 };
  // The stack opens with the message, which may span lines: its frames are read after it only.
  const heading = error.message ? `${error.name}: ${error.message}` : error.name;
  const frames = error.stack?.startsWith(heading) ? error.stack.slice(heading.length) : '';
  const frame = frames
    .split('\n')
    .find((line) => /^\s+at /.test(line))
    ?.trim();
  return {
    line: `demo: failed: unexpected ${error.name}${frame ? ` ${frame}` : ''} (its message is not shown: it may quote what the system answered)`,
    exitCode: 1,
  };
}
