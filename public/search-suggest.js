// As-you-type suggestions under the header search box, from /search.json. Progressive
// enhancement only: without this script the box is a plain GET form to /search, and nothing
// here changes what it submits. Text goes in with textContent, never as HTML.
(() => {
  const form = document.querySelector(".site-search");
  const input = form?.querySelector("input[name=q]");
  if (!form || !input || !window.fetch || !window.AbortController) return;

  // On an exported site no server answers /search.json: the form names a module that searches
  // in the browser instead, loaded the first time a reader focuses or submits the box (or
  // arrives on its results page), never before.
  const moduleUrl = form.dataset.searchModule;
  let engine;
  const loadEngine = () => {
    engine ??= import(moduleUrl);
    return engine;
  };
  if (moduleUrl) {
    input.addEventListener("focus", loadEngine, { once: true });
    form.addEventListener("submit", loadEngine);
    // If the module cannot load (offline), the page keeps saying how to find things without it.
    if (location.pathname === new URL(form.action).pathname)
      loadEngine().then(
        (module) => module.showPage(),
        () => {},
      );
  }

  const list = document.createElement("ul");
  list.id = "search-suggest";
  list.className = "search-suggest";
  list.setAttribute("aria-label", "搜索建议");
  list.hidden = true;
  form.append(list);
  input.setAttribute("aria-controls", list.id);

  let timer;
  let controller;
  let shown = input.value.trim();

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150); // wait for a pause in typing, not every keystroke
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      list.querySelector("a")?.focus();
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    }
    if (event.key === "Escape") {
      hide();
      input.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) hide();
  });

  async function update() {
    const query = input.value.trim();
    if (query === shown) return;
    shown = query;
    controller?.abort();
    if (query === "") return hide();
    controller = new AbortController();
    try {
      if (moduleUrl) {
        const data = await (await loadEngine()).suggest(query);
        if (!controller.signal.aborted) render(data, query);
        return;
      }
      const response = await fetch(`/search.json?q=${encodeURIComponent(query)}`, { signal: controller.signal });
      if (!response.ok) return hide();
      render(await response.json(), query);
    } catch {
      // Aborted by newer typing, or offline: the form still works.
    }
  }

  function render(data, query) {
    list.replaceChildren();
    for (const result of data.results) {
      const link = document.createElement("a");
      link.href = result.url;
      for (const part of result.title) {
        if (part.mark) {
          const mark = document.createElement("mark");
          mark.textContent = part.text;
          link.append(mark);
        } else link.append(part.text);
      }
      item(link);
    }
    if (data.results.length === 0) item(document.createTextNode("没有找到相关问题，按回车查看全部问题"));
    else if (data.total > data.results.length) {
      const all = document.createElement("a");
      all.href = `${new URL(form.action).pathname}?q=${encodeURIComponent(query)}`;
      all.className = "search-suggest-all";
      all.textContent = `查看全部 ${data.total} 个结果`;
      item(all);
    }
    list.hidden = false;
  }

  function item(content) {
    const li = document.createElement("li");
    li.append(content);
    list.append(li);
  }

  function hide() {
    list.hidden = true;
  }
})();
