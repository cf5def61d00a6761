/**
 * `npm run scenarios -- <command>`: the entry of the command line (the commands are in cli-main.ts).
 * The signal handlers come first; the engine is imported after them.
 */
import { installSignalHandlers } from './signals';

const argv = process.argv.slice(2);
const english = (() => {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]?.startsWith('--lang=') ? argv[i]?.slice(7) : argv[i + 1];
  return v === 'en' || (v !== 'es-MX' && (process.env['LANG'] ?? '').toLowerCase().startsWith('en'));
})();
installSignalHandlers(english);

// A reader that closes the pipe early (`| head`) ends the output, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const { main } = await import('./cli-main');
process.exitCode = await main(argv, {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  cwd: process.cwd(),
  env: process.env,
}).catch(() => 2);
