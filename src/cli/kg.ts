import 'reflect-metadata';
import { citeCommand } from './cite.js';

const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'cite':
      return citeCommand(args);
    default:
      process.stderr.write(`unknown command "${command ?? ''}"\n`);
      return 2;
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
