// Starts the real server twice for the whole browser suite: over the site's content, and
// over the headings fixture, whose answers have headings, a list, a link and callouts (the real ones have none).
import path from "node:path";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { ROOT, type RunningServer, startServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    headingsUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const servers: RunningServer[] = [];
  try {
    servers.push(await startServer());
    servers.push(await startServer(path.join(ROOT, "test", "fixtures", "headings")));
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
  project.provide("siteUrl", servers[0]?.url ?? "");
  project.provide("headingsUrl", servers[1]?.url ?? "");
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
