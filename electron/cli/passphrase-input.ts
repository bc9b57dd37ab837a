import { stdin, stderr } from 'node:process';

export const PASSPHRASE_ENV = 'KIM_AKTE_PASSPHRASE';

/**
 * The passphrase for headless use comes from KIM_AKTE_PASSPHRASE; on a terminal it is asked for without echo.
 * Never from a command-line flag: those end up in shell history and process lists.
 */
export async function readPassphrase(prompt: string): Promise<string> {
  return readSecret(PASSPHRASE_ENV, prompt, 'passphrase');
}

/** A secret from `envName`, or typed without echo on a terminal (the recovery key likewise). */
export async function readSecret(envName: string, prompt: string, what = 'recovery key'): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!stdin.isTTY) {
    throw new CliError(`No ${what}: set ${envName}, or run the command in a terminal to be asked for it (on Windows the installed app reads it from ${envName} only).`, 2);
  }
  return promptHidden(prompt);
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new CliError('Cancelled.', 130));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** A failure the CLI reports as one English line with a chosen exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
