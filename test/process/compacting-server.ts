// The real entry point with the memory threshold at 0, so start-up always compacts, whatever
// this process's size under tsx; with STOP_AT_ONCE set, it also signals itself SIGTERM right
// after startServer returns, while the collection runs and before the server listens.
import { startServer } from "../../src/server.js";

startServer(process.env, { compactAboveBytes: 0 });
if (process.env.STOP_AT_ONCE) process.kill(process.pid, "SIGTERM");
