// `npm run dev` only: the open tab reloads itself when the site is rebuilt or the dev server
// restarts. Every HTML response gets one <script src> (an own file, so the strict CSP's
// script-src 'self' allows it) carrying the build it was made from; the script listens to
// server-sent events (connect-src 'self') and reloads when the server names another build.
// Nothing here is reachable from `npm start` or the export: only dev.ts imports this module.
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from "node:http";
import { pathOf } from "../http/request-guards.js";

export const DEV_PATHS = { events: "/__dev/events", script: "/__dev/reload.js", style: "/__dev/error.css" } as const;

/** The browser side, served at DEV_PATHS.script. */
export const RELOAD_SCRIPT = `// npm run dev only: reload this tab when the dev server has another build than the one shown.
"use strict";
(() => {
  const shown = document.currentScript.dataset.build;
  new EventSource(${JSON.stringify(DEV_PATHS.events)}).onmessage = (event) => {
    if (event.data !== shown) location.reload();
  };
})();
`;

export interface LiveReload {
  /** The build now served: names every page sent from now on. */
  readonly build: string;
  /** A new build is served (or a failed one shows its problems): every open tab reloads. */
  changed(): void;
  /** Answers the event stream and returns true; anything else returns false untouched. */
  events(req: IncomingMessage, res: ServerResponse): boolean;
  /** Ends every open stream, so a graceful stop is not held up by tabs that never go idle. */
  close(): void;
  /** The listener with the script added to every HTML response it sends. */
  inject(listener: RequestListener): RequestListener;
}

export function liveReload(): LiveReload {
  // A restarted process (tsx restarts on src/ changes) names its builds differently, so tabs
  // that reconnect to it reload too.
  const run = Date.now().toString(36);
  let count = 0;
  const streams = new Set<ServerResponse>();
  const self: LiveReload = {
    get build() {
      return `${run}-${count}`;
    },
    changed() {
      count += 1;
      for (const stream of streams) stream.write(`data: ${self.build}\n\n`);
    },
    events(req, res) {
      if (pathOf(req.url) !== DEV_PATHS.events) return false;
      res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store" });
      // Reconnect quickly after a restart; say at once which build is served, so a tab made
      // from an older one reloads even if the change happened before it connected.
      res.write(`retry: 500\ndata: ${self.build}\n\n`);
      // Quiet until the next rebuild by design: the server's stall timeout must not cut it.
      res.setTimeout(0);
      streams.add(res);
      res.on("close", () => streams.delete(res));
      return true;
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
    inject(listener) {
      return (req, res) => {
        // Every answer whole and uncompressed, so the script can be added to the bytes as sent:
        // no 304 for a page the browser cached without the current build's name.
        delete req.headers["accept-encoding"];
        delete req.headers["if-none-match"];
        delete req.headers["if-modified-since"];
        addScript(res, () => `<script src="${DEV_PATHS.script}" data-build="${self.build}" defer></script>`);
        listener(req, res);
      };
    },
  };
  return self;
}

/**
 * Holds back the head of an HTML response until its body is known, then sends both with the
 * tag before </body> and Content-Length to match. Pages are sent with one end(body), by
 * writeHead or by Express's implicit head; other types pass through untouched.
 */
function addScript(res: ServerResponse, tag: () => string): void {
  const writeHead = res.writeHead;
  // end's overloads do not survive being wrapped; the arguments pass through unchanged.
  const end = res.end as (...args: unknown[]) => ServerResponse;
  let held: unknown[] | undefined;
  let sending = false;
  res.writeHead = ((...args: unknown[]) => {
    if (sending || !isHtml(res, args)) return writeHead.apply(res, args as Parameters<typeof writeHead>);
    held = args;
    return res;
  }) as typeof res.writeHead;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    sending = true;
    if (held === undefined && !isHtml(res, [])) return end.call(res, chunk, ...rest);
    let body = chunk;
    if (typeof chunk === "string" || Buffer.isBuffer(chunk)) {
      const html = String(chunk);
      const at = html.lastIndexOf("</body>");
      body = Buffer.from(at < 0 ? html + tag() : html.slice(0, at) + tag() + html.slice(at));
      res.setHeader("Content-Length", (body as Buffer).length);
    } else {
      // HEAD: no body, but the length a GET would have.
      const length = Number(
        headersOf(held ?? []).find(([name]) => name.toLowerCase() === "content-length")?.[1] ?? res.getHeader("content-length"),
      );
      if (Number.isInteger(length)) res.setHeader("Content-Length", length + Buffer.byteLength(tag()));
    }
    if (held !== undefined) writeHead.apply(res, withoutLength(held) as Parameters<typeof writeHead>);
    return end.call(res, body, ...rest);
  }) as typeof res.end;
}

/** writeHead's headers (a flat [name, value, …] list or an object) or those set before it. */
function headersOf(args: unknown[]): Array<[string, unknown]> {
  const last = args.at(-1);
  if (Array.isArray(last)) return last.flatMap((name, i) => (i % 2 === 0 ? [[String(name), last[i + 1]] as [string, unknown]] : []));
  if (typeof last === "object" && last !== null) return Object.entries(last as OutgoingHttpHeaders);
  return [];
}

function isHtml(res: ServerResponse, args: unknown[]): boolean {
  const type = headersOf(args).find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? res.getHeader("content-type");
  return String(type ?? "").startsWith("text/html");
}

/** The held head without its Content-Length: the one set on the response counts the script too. */
function withoutLength(args: unknown[]): unknown[] {
  if (typeof args.at(-1) !== "object") return args;
  const kept = headersOf(args).filter(([name]) => name.toLowerCase() !== "content-length");
  return [...args.slice(0, -1), kept.flat()];
}
