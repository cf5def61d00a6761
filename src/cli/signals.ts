/**
 * SIGINT and SIGTERM end the command at once with the shell's conventional codes (130, 143) and a
 * line on stderr saying so, instead of a silent death or a run that goes on. Installed before the
 * engine is imported, so a signal during start-up is handled too.
 */
const CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Installs the handlers; `english` picks the language of the line printed. */
export function installSignalHandlers(english: boolean): void {
  for (const [signal, code] of Object.entries(CODES)) {
    process.on(signal, () => {
      process.stderr.write(english ? `\nstopped by ${signal}: the command did not finish (exit ${code})\n` : `\ndetenido por ${signal}: el comando no terminó (salida ${code})\n`);
      process.exit(code);
    });
  }
}
