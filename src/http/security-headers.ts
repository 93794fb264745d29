// helmet, configured once. The CSP allows our own files only: no inline script or style,
// so content that slipped past escaping still could not run.
import helmet from "helmet";

export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: "strict-origin-when-cross-origin" },
});

/**
 * The headers helmet sets, read from helmet itself at start-up so that responses sent
 * outside Express carry exactly the same ones. Run twice: a header that differs between
 * requests (a CSP nonce, say) cannot be prepared, and start-up fails instead of going stale.
 */
export function helmetHeaders(middleware = securityHeaders): ReadonlyArray<readonly [string, string]> {
  const run = () => {
    const headers = new Map<string, string>();
    let finished = false;
    const res = {
      setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
      removeHeader: (name: string) => headers.delete(name),
      getHeader: (name: string) => headers.get(name),
    };
    middleware({ headers: {}, method: "GET", url: "/" } as never, res as never, (error?: unknown) => {
      if (error) throw error;
      finished = true;
    });
    if (!finished) throw new Error("helmet did not finish synchronously; its headers cannot be prepared");
    return [...headers];
  };
  const first = run();
  if (JSON.stringify(first) !== JSON.stringify(run())) throw new Error("helmet's headers differ between requests; they cannot be prepared");
  return first;
}
