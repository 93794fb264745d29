// The colour scheme the reader chose (浅色 / 深色 / 跟随系统), remembered in the `scheme` cookie.
// The server reads the cookie and sends the page with data-scheme on <html> already
// (src/http/scheme.ts), so the first paint is right and this script can be deferred. A static
// host cannot do that: there the choice is applied here, once the page is parsed, and the
// system's scheme shows until then. Without JavaScript the stylesheet follows the system.
(() => {
  const root = document.documentElement;
  const YEAR = 365 * 24 * 60 * 60;

  /** The cookie's choice, read as the server reads it: exactly one light or dark, else the system. */
  function remembered() {
    let chosen = "system";
    for (const pair of document.cookie.split(";")) {
      const equals = pair.indexOf("=");
      if (equals === -1 || pair.slice(0, equals).trim() !== "scheme") continue;
      const value = pair.slice(equals + 1).trim();
      if ((value !== "light" && value !== "dark") || (chosen !== "system" && chosen !== value)) return "system";
      chosen = value;
    }
    return chosen;
  }

  function remember(choice) {
    // A preference, not an identifier; Secure wherever the page itself is.
    const secure = location.protocol === "https:" ? "; Secure" : "";
    const value = choice === "system" ? "scheme=; Max-Age=0" : `scheme=${choice}; Max-Age=${YEAR}`;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser readers use; document.cookie is
    document.cookie = `${value}; Path=/; SameSite=Lax${secure}`;
  }

  function apply(choice) {
    if (choice === "light" || choice === "dark") root.dataset.scheme = choice;
    else delete root.dataset.scheme;
    for (const button of document.querySelectorAll("button[data-scheme-choice]")) {
      button.setAttribute("aria-pressed", String(button.dataset.schemeChoice === choice));
    }
  }

  // On a server's page this agrees with what it sent; on a static host, or a page the browser kept
  // from before the last choice (back and forward), it puts the cookie's choice on the page.
  apply(remembered());
  addEventListener("pageshow", (event) => {
    if (event.persisted) apply(remembered());
  });
  for (const button of document.querySelectorAll("button[data-scheme-choice]")) {
    button.addEventListener("click", () => {
      remember(button.dataset.schemeChoice);
      apply(button.dataset.schemeChoice);
    });
  }
  for (const control of document.querySelectorAll(".scheme-switch")) control.hidden = false;
})();
