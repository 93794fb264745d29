// How the loaders hand a problem to loadSite, and how they name files in it: relative to where
// the owner ran the command, so every path in a message can be opened as shown.
import path from "node:path";

/** Records one problem with the file it is in; loadSite collects them all before failing. */
export type Report = (file: string, message: string) => void;

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
