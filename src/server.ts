// Entry point (`npm start`, node dist/server.js): configuration → content → serve.
// Everything it does is in start.ts, which `npm run dev` shares.
import { buildOrExit, configure, serve } from "./start.js";

const setup = configure(process.env);
serve(buildOrExit(setup.config), setup);
