// Which peers may speak for the client: only the proxies named in TRUST_PROXY may set the
// request id (X-Request-Id) or say who the client is (X-Forwarded-For). From anyone else those
// headers are whatever the client chose to write, and are ignored.
import { BlockList, isIP } from "node:net";

/** True when a connection from this address comes from a configured proxy. */
export type TrustProxy = (address: string | undefined) => boolean;

export const TRUST_NONE: TrustProxy = () => false;

export function trustedProxies(entries: readonly string[]): TrustProxy {
  if (entries.length === 0) return TRUST_NONE;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    if (address === undefined) return false;
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
    const plain = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
}
