// site.yml: the site-wide facts (title, product, publisher, document version, description),
// which every page shows, so the file is required.
import { existsSync } from "node:fs";
import type { Report } from "./report.js";
import { describeIssues, type SiteFacts, siteSchema } from "./schema.js";
import { readYamlFile } from "./yaml-file.js";

export function loadFacts(file: string, root: string, report: Report): SiteFacts | undefined {
  if (!existsSync(file)) {
    report(file, "文件：找不到 — 请建立 site.yml，写出网站名称、产品、发布者、文档版本和来源");
    return undefined;
  }
  const read = readYamlFile(file, root, report);
  if (read === undefined) return undefined;
  const parsed = siteSchema.safeParse(read.data);
  if (parsed.success) return parsed.data;
  for (const { message, line } of describeIssues(siteSchema, parsed.error, read.data, read.lineAt)) report(file, message, line);
  return undefined;
}
