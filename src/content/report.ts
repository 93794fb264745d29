// How the loaders hand a problem to loadSite, and how they name files in it: relative to where
// the owner ran the command, so every path in a message can be opened as shown, followed by
// the line when there is one (`questions/a.md:3: …`), which editors and terminals jump to.
import path from "node:path";

/** Records one problem with the file (and line) it is in; loadSite collects them all before failing. */
export type Report = (file: string, message: string, line?: number) => void;

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** One problem as the owner reads it: `file:line: place: what is wrong — how to fix it`. */
export function formatProblem(file: string, message: string, line?: number): string {
  return `${displayPath(file)}${line === undefined ? "" : `:${line}`}: ${message}`;
}
