// Reads the content's YAML (site.yml, synonyms.yml, front matter) with the yaml package and words
// its errors for the owner: "invalid YAML at line 4, column 1: <reason>".
import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLError } from "yaml";
import type { Report } from "./report.js";

/** The file's data (an empty file is `{}`), or undefined once its error is reported. */
export function readYamlFile(file: string, report: Report): { data: unknown } | undefined {
  try {
    return { data: parseYaml(readFileSync(file, "utf8")) ?? {} };
  } catch (error) {
    report(file, describeYamlError(error));
    return undefined;
  }
}

/**
 * Anything but a YAML error is a fault of ours or of the disk, not of the content, and is thrown
 * on. gray-matter hands over the front matter with the newline after "---", so the yaml package's
 * line numbers are already the file's.
 */
export function describeYamlError(error: unknown): string {
  if (!(error instanceof YAMLError)) throw error;
  const reason = error.message.split(" at line ")[0];
  const at = error.linePos?.[0];
  return at ? `invalid YAML at line ${at.line}, column ${at.col}: ${reason}` : `invalid YAML: ${reason}`;
}
