// Runs Debian's nginx on loopback serving an exported folder, as a static host would: the
// benchmark's nginx baseline and the export test's second static server. docs/operations.md
// shows the same server block for real use.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

export const nginxInstalled = (): boolean => existsSync(NGINX);
/** Debian's libnginx-mod-http-brotli-static; without it nginx serves gzip and identity only. */
export const nginxHasBrotli = (): boolean => existsSync(BROTLI_MODULE);

/**
 * Debian's own default server block (/etc/nginx/sites-available/default), nothing added: what an
 * export must work under without any configuration.
 */
export function defaultServerBlock(root: string, listen: string): string {
  return `server {
    listen ${listen};
    root ${root};
    index index.html index.htm index.nginx-debian.html;
    location / {
      try_files $uri $uri/ =404;
    }
  }`;
}

/** The server block for an export: pages from <path>/index.html, precompressed siblings, 404.html. */
export function staticServerBlock(root: string, listen: string): string {
  return `server {
    listen ${listen};
    root ${root};
    charset utf-8;
    charset_types text/css text/javascript application/xml image/svg+xml;
    gzip_static on;
    gzip_vary on;
    ${nginxHasBrotli() ? "brotli_static on;" : "# brotli_static on;  (needs libnginx-mod-http-brotli-static)"}
    error_page 404 /404.html;
    location / {
      # $uri/index.html answers /questions/x directly ($uri/ alone would redirect to /questions/x/); $uri/ answers /.
      try_files $uri $uri/index.html $uri/ =404;
      add_header Cache-Control "public, max-age=0, must-revalidate";
    }
    location /assets/ {
      # The types the site itself sends (src/pages/assets.ts); nginx's own list says application/javascript.
      types {
        text/css css;
        text/javascript js;
        image/svg+xml svg;
        image/png png;
        image/x-icon ico;
        font/woff2 woff2;
        application/json json;
      }
      add_header Cache-Control "public, max-age=31536000, immutable";
    }
    # nginx's mime.types says text/xml; the site sends the sitemap as application/xml.
    location = /sitemap.xml {
      types { }
      default_type application/xml;
      add_header Cache-Control "public, max-age=0, must-revalidate";
    }
  }`;
}

export interface RunningNginx {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts nginx (one worker, like our single Node process) in prefix/, serving root on 127.0.0.1:port. */
export async function startNginx(root: string, port: number, prefix: string, block = staticServerBlock): Promise<RunningNginx> {
  mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(
    conf,
    `${nginxHasBrotli() ? `load_module ${BROTLI_MODULE};\n` : ""}daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  # Node keeps a connection for any number of requests; so does nginx here, for a like-for-like benchmark.
  keepalive_requests 1000000;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  ${block(root, `127.0.0.1:${port}`).replace(/\n/g, "\n  ")}
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", conf, "-e", path.join(prefix, "error.log")], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(port, 5000);
  return {
    port,
    stop: async () => {
      child.kill("SIGQUIT");
      await exited;
    },
  };
}

/** Polls until something answers HTTP on the port. */
export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // Read to the end: an unread body left in undici's pool fails an assertion of its own
      // when the server later closes the connection.
      await (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) })).arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nothing answered on port ${port} within ${timeoutMs} ms: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
