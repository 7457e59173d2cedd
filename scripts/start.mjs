// `npm start`: build if the sources changed, then run the server from dist/.
import { buildAndRun } from './run-built.mjs';

await buildAndRun('main.js');
