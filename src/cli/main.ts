// Entry point of `npm run sim -- …`; the commands live in cli.ts so tests can call them.
import { main } from './cli.ts';

process.exitCode = main(process.argv.slice(2));
