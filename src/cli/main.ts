// Entry point of `npm run sim -- …`; the commands live in cli.ts so tests can call them.
import { main } from './cli.ts';

const code = main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
else void code.then((done) => (process.exitCode = done));
