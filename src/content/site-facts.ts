// site.yml: the site-wide facts (title, product, publisher, document version, description),
// which every page shows, so the file is required.
import { existsSync } from "node:fs";
import type { Report } from "./report.js";
import { describeIssues, type SiteFacts, siteSchema } from "./schema.js";
import { readYamlFile } from "./yaml-file.js";

export function loadFacts(file: string, report: Report): SiteFacts | undefined {
  if (!existsSync(file)) {
    report(file, "file not found (expected the site's title, product, publisher and document version)");
    return undefined;
  }
  const read = readYamlFile(file, report);
  if (read === undefined) return undefined;
  const parsed = siteSchema.safeParse(read.data);
  if (parsed.success) return parsed.data;
  for (const line of describeIssues(siteSchema, parsed.error, read.data)) report(file, line);
  return undefined;
}
