// `npm start`: build if the sources changed, then run the server from dist/.
import { buildAndRun } from './run-built.mjs';

// The Import page runs imports inside the server: fewer malloc arenas keep it under 300 MB.
await buildAndRun('main.js', { arenaLimit: true });
