// Starts the real built server (dist/server.js) on a free port on 127.0.0.1 and stops it.
// Used by the browser suite's global set-up and by `npm run screenshots`.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverArgs } from "../../scripts/server-command.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface RunningServer {
  /** http://127.0.0.1:PORT, also the server's PUBLIC_BASE_URL so canonical links lead back to it. */
  url: string;
  stop(): Promise<void>;
}

export async function startServer(contentDir = path.join(ROOT, "content")): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serverArgs(ROOT), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_BASE_URL: url, CONTENT_DIR: contentDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return { url, stop: () => stop(child) };
}

/** Ask the OS for a port nobody uses, then give it back for the server to take. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (address === null || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

/** Poll robots.txt (cheap, always there) for at most ten seconds. */
async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not answer on ${url} within 10 s (did \`npm run build\` run?):\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
