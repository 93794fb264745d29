// Starts the real server three times for the whole browser suite: over the site's content; over
// the headings fixture, whose answers have headings, a list, a link and callouts (the real ones
// have none); and over the search fixture, whose fixed answers the search tests expect to find.
import path from "node:path";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { ROOT, type RunningServer, startServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    headingsUrl: string;
    searchUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const servers: RunningServer[] = [];
  try {
    servers.push(await startServer());
    servers.push(await startServer(path.join(ROOT, "test", "fixtures", "headings")));
    servers.push(await startServer(path.join(ROOT, "test", "fixtures", "search")));
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
  project.provide("siteUrl", servers[0]?.url ?? "");
  project.provide("headingsUrl", servers[1]?.url ?? "");
  project.provide("searchUrl", servers[2]?.url ?? "");
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
