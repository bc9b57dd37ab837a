import { join } from 'node:path';

/** The switch that turns the app binary into the admin CLI: `KIM-Akte.exe --cli <command> …`. */
export const CLI_SWITCH = '--cli';

/** Exit code for a CLI started where it cannot run (matches the CLI's usage code). */
const EXIT_USAGE = 2;

/**
 * The CLI arguments when the app was started as `<app> --cli …`, else null (the window app starts). The switch must
 * be the first argument, so an option value that happens to read "--cli" never turns the GUI into the CLI.
 * `defaultApp` is Electron's `process.defaultApp`: true under `electron .`, where argv[1] is the app folder.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const first = defaultApp ? 2 : 1;
  return argv[first] === CLI_SWITCH ? argv.slice(first + 1) : null;
}

/** The part of Electron's `app` the headless mode uses. */
export interface HeadlessApp {
  readonly isPackaged: boolean;
  whenReady(): Promise<unknown>;
  exit(code: number): void;
  getPath(name: 'userData'): string;
  setPath(name: 'sessionData', path: string): void;
  disableHardwareAcceleration(): void;
}

type RunCli = (argv: string[]) => Promise<number>;

/** The bundled CLI beside main's index.js (out/main/cli.js, built from electron/cli/main.ts). */
export function loadBundledCli(mainDir: string): RunCli {
  // A runtime require of the built file, not an import: the CLI stays its own bundle, the very file tests run.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(mainDir, 'cli.js')) as { runCli: RunCli }).runCli;
}

/** Resolves once everything written to the stream so far has been handed to the OS. */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Runs the admin CLI headless: no window, no single-instance lock (the CLI may run beside the open app, as the
 * development CLI always could), the same commands, output and exit codes as `kim-akte`. In a development checkout
 * node_modules hold SQLCipher built for Node, not Electron, so there the CLI is `npx kim-akte` and this mode refuses.
 */
export async function runCliMode(app: HeadlessApp, args: string[], load: () => RunCli): Promise<void> {
  let code: number;
  if (!app.isPackaged) {
    process.stderr.write('Error: --cli is the admin CLI of the installed app; in a development checkout run `npx kim-akte …`.\n');
    code = EXIT_USAGE;
  } else {
    // Chromium still starts underneath. Keep it off the GPU and out of the window app's caches, so a CLI run beside
    // the open app neither competes for them nor prints cache errors into the CLI's output.
    app.disableHardwareAcceleration();
    app.setPath('sessionData', join(app.getPath('userData'), 'cli-session'));
    // Electron answers an uncaught error with a modal dialog, which would hang a scheduled task: end with a line instead.
    const fail = (error: unknown) => {
      process.stderr.write(`Error: unexpected failure (${(error as Error)?.name ?? 'unknown'}).\n`);
      app.exit(1);
    };
    process.on('uncaughtException', fail);
    process.on('unhandledRejection', fail);
    await app.whenReady();
    try {
      code = await load()(args);
    } catch (error) {
      // runCli maps every failure to a code; this catches a bundle that cannot load (a broken installation).
      process.stderr.write(`Error: the admin CLI could not start (${(error as Error)?.name ?? 'unknown'}).\n`);
      code = 1;
    }
  }
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  app.exit(code);
}
