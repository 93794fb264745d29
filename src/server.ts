// Entry point: loadConfig → loadSite → createApp → listen. The only file that listens,
// handles signals or exits; content and config problems end here as one clear message.
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { ContentError, loadSite } from "./content/load.js";

function main(): void {
  let config: ReturnType<typeof loadConfig>;
  let site: ReturnType<typeof loadSite>;
  try {
    config = loadConfig(process.env);
    site = loadSite(config.contentDir);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp({ config, site });
  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Serving ${site.questions.length} questions on http://${config.host}:${port} (public URL ${config.publicBaseUrl})`);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main();
