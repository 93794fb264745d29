// `npm run check [folder]`: the content check without a server, for the owner before
// publishing and for CI. The same checkContent that start-up, `npm run dev` and
// `npm run export` run: exit 0 with one line when the folder is clean, otherwise every
// problem in every file, one a line, and exit 1. Never a stack trace for anything in the folder.
import { ConfigError, loadConfig } from "./config.js";
import { checkContent } from "./content/load.js";

function main(folder: string | undefined): number {
  let dir = folder;
  if (dir === undefined) {
    try {
      dir = loadConfig(process.env).contentDir;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      return 1;
    }
  }
  const { site, problems } = checkContent(dir);
  if (site === undefined) {
    for (const problem of problems) console.error(problem);
    console.error(`\n共 ${problems.length} 个问题。请按每行的提示修改，再运行 npm run check。`);
    return 1;
  }
  console.log(`内容检查通过：${site.questions.length} 个问题、${site.pages.length} 个页面、${site.images.size} 张图片（${dir}/）`);
  return 0;
}

process.exitCode = main(process.argv[2]);
