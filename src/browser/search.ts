// The search box of an exported site, where no server answers /search: public/search-suggest.js
// imports this module when a reader first focuses or submits the box, and on search.html. It
// fetches the index and tables once and answers from them with the server's own code (engine.ts).
import type { SearchTables, SerialisedIndex } from "../search/serialise.js";
import { type ResultView, type StaticSearch, staticSearch } from "./engine.js";

// Filled in by src/export/bundle.ts: the hashed URLs of this export's index and tables, and
// the server's own limits, so both list as many results.
declare const INDEX_URL: string;
declare const TABLES_URL: string;
declare const PAGE_LIMIT: number;
declare const SUGGEST_LIMIT: number;

let ready: Promise<StaticSearch> | undefined;

function load(): Promise<StaticSearch> {
  const json = (url: string) =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
  ready ??= Promise.all([json(INDEX_URL), json(TABLES_URL)]).then(([index, tables]) =>
    staticSearch(index as SerialisedIndex, tables as SearchTables),
  );
  return ready;
}

/** The suggestions under the box: the shape /search.json answers with. */
export async function suggest(query: string): Promise<{ query: string; total: number; results: ResultView[] }> {
  const { total, results } = (await load()).search(query, SUGGEST_LIMIT);
  return { query, total, results };
}

/** Fills search.html's results for ?q=…, as the server's search page lays them out (views/search.njk). */
export async function showPage(): Promise<void> {
  const box = document.querySelector<HTMLElement>(".search-page");
  if (box === null) return;
  const query = (new URLSearchParams(location.search).get("q") ?? "").replace(/\s+/gu, " ").trim().slice(0, 100);
  const input = document.querySelector<HTMLInputElement>(".site-search input[name=q]");
  if (input !== null) input.value = query;
  if (query === "") {
    box.replaceChildren(
      element("h1", "搜索"),
      element("p", "请在上方搜索框输入要找的内容，例如“发票”“退费”，也可以输入拼音（fapiao）或拼音首字母（fp）。", "search-hint"),
    );
    return;
  }
  const { total, results } = (await load()).search(query, PAGE_LIMIT);
  document.title = `“${[...query].length > 30 ? `${[...query].slice(0, 30).join("")}…` : query}”的搜索结果 - ${document.title.replace(/^.* - /, "")}`;
  const heading = element("h1", `“${query}”的搜索结果`);
  if (results.length === 0) {
    box.replaceChildren(
      heading,
      element("p", `没有找到与“${query}”相关的问题。`, "search-none", "status"),
      element(
        "p",
        "可以换个说法，只输入关键词（如“发票”），或者输入拼音（fapiao）、拼音首字母（fp）。也可以浏览下面的全部问题。",
        "search-hint",
      ),
    );
    return;
  }
  const list = element("ol", "", "search-results");
  for (const result of results) {
    const link = marked(element("a", "", "search-result-title") as HTMLAnchorElement, result.title);
    (link as HTMLAnchorElement).href = result.url;
    const item = element("li", "", "search-result");
    item.append(link, marked(element("p", "", "search-snippet"), result.snippet));
    list.append(item);
  }
  const count = `找到 ${total} 个相关问题${total > PAGE_LIMIT ? `，下面是最相关的 ${PAGE_LIMIT} 个` : ""}。`;
  box.replaceChildren(heading, element("p", count, "search-count", "status"), list);
  // The list of every question is there for readers without results (or without JavaScript).
  for (const extra of document.querySelectorAll<HTMLElement>("[data-search-fallback]")) extra.hidden = true;
}

/** Text goes in as text nodes, never as HTML: the query and the content are both just words here. */
function element(tag: string, text: string, className?: string, role?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== "") node.textContent = text;
  if (className !== undefined) node.className = className;
  if (role !== undefined) node.setAttribute("role", role);
  return node;
}

function marked(node: HTMLElement, parts: ResultView["title"]): HTMLElement {
  for (const part of parts) node.append(part.mark ? element("mark", part.text) : part.text);
  return node;
}
