// `npm run export -- <folder> --base-url https://…`: writes the whole site as files for any
// static host or CDN, search included (it runs in the browser there). The public base URL goes
// into canonical links, share links, QR codes, the sitemap, robots.txt and JSON-LD, so it must be
// given (--base-url or PUBLIC_BASE_URL), never guessed. The folder is checked before anything
// is written (src/export/folder.ts): every refusal and failure is one line and exit 1.
import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync } from "node:zlib";
import { ConfigError, loadConfig } from "./config.js";
import { ContentError } from "./content/load.js";
import { checkTarget, ExportRefused, replaceFolder } from "./export/folder.js";

const PROJECT = path.resolve(import.meta.dirname, "..");

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { "base-url": { type: "string" } } });
  if (positionals.length > 1)
    throw new ExportRefused(`只能指定一个导出文件夹（收到 ${positionals.length} 个：${positionals.join(" ")}）。`);
  const baseUrl = values["base-url"] ?? env.PUBLIC_BASE_URL;
  if (baseUrl === undefined || baseUrl.trim() === "") {
    throw new ExportRefused(
      "没有指定网站的公开地址：导出的规范链接、分享链接、二维码、站点地图、robots.txt 和结构化数据都要用它。请加上 --base-url https://你的域名，或设置 PUBLIC_BASE_URL。",
    );
  }
  const config = loadConfig({ ...env, PUBLIC_BASE_URL: baseUrl });
  const target = checkTarget(positionals[0], { project: PROJECT, content: config.contentDir, home: homedir(), cwd: process.cwd() });
  // Loaded only once the folder is known to be safe, so a refusal answers at once.
  const [{ loadSite }, { buildExport }, { exportFiles }] = await Promise.all([
    import("./content/load.js"),
    import("./export/build.js"),
    import("./pages/export-site.js"),
  ]);
  const exported = await buildExport(loadSite(config.contentDir), config);
  const files = exportFiles(exported.pages, exported.built.errors[404]);
  replaceFolder(target, files);
  const bytes = [...files].filter(([name]) => !/\.(br|gz)$/.test(name)).reduce((sum, [, body]) => sum + body.length, 0);
  const packed = (url: string) => brotliCompressSync(exported.pages.get(url)?.body ?? Buffer.alloc(0)).length;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Exported ${files.size} files (${kb(bytes)} before compression) for ${config.publicBaseUrl} to ${target}; ` +
      `search: index ${kb(packed(exported.search.index))}, module and tables ${kb(packed(exported.search.module) + packed(exported.search.tables))} with brotli`,
  );
}

main(process.argv.slice(2), process.env).catch((error: unknown) => {
  if (error instanceof ExportRefused || error instanceof ConfigError || error instanceof ContentError) {
    console.error(error.message);
  } else if (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${error.message}。用法：npm run export -- <文件夹> --base-url https://你的域名`);
  } else if (error instanceof Error && "code" in error && typeof error.code === "string") {
    // A file-system failure (no permission, disk full…) is the owner's to fix: say which and where.
    const { code, path: where } = error as NodeJS.ErrnoException;
    const why = code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "ENOSPC" ? "磁盘空间不足" : code;
    console.error(`导出失败：${why}（${where ?? error.message}）。之前导出的文件夹保持原样。`);
  } else {
    throw error;
  }
  process.exitCode = 1;
});
