import { Option, type Command } from 'commander';
import { OFFICES } from '../../electron/core/contract/offices';
import { buildProgram, runProgram, stdoutLine } from '../../electron/cli/main';
import { demoDataCommand, type DemoDataOptions } from './demo-data-command';

/**
 * `npm run cli`: the shipped kim-akte program plus the development-only demo-data command. Demo data stays out of
 * the shipped CLI (the `kim-akte` bin), so an installed workstation has no command that fills a vault with fictional
 * people; developers and the benchmarks get it here, with the shipped commands unchanged beside it.
 */
export function buildDevProgram(out: (line: string) => void): Command {
  const program = buildProgram(out);
  program
    .command('demo-data')
    .description('development only: fill a demo vault with deterministic, fictional clients, cases and notes (creates the vault if missing)')
    .requiredOption('--data-dir <dir>', 'folder holding (or to hold) the vault')
    .addOption(new Option('--office <office>', 'office of a new demo vault').choices([...OFFICES]).default('lunen'))
    .option('--user <login>', 'administrator to unlock an existing demo vault with')
    .option('--clients <n>', 'number of clients to add (1 to 200000)', '200')
    .option('--notes-per-client <k>', 'notes per client', '20')
    .option('--seed <s>', 'seed: the same seed gives the same data', '1')
    .action((o: DemoDataOptions) => demoDataCommand(o, out));
  return program;
}

export function runDevCli(argv: string[], out: (line: string) => void = stdoutLine): Promise<number> {
  return runProgram(buildDevProgram(out), argv);
}

if (require.main === module) {
  void runDevCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
