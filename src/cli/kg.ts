/**
 * The `kg` command (src/cli/program.ts declares its commands). type-graphql's decorators need
 * reflect-metadata loaded before any API module.
 */
import 'reflect-metadata';
import { runKg } from './program.js';

void runKg(process.argv.slice(2)).then((code) => process.exit(code));
