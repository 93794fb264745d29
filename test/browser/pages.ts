// The pages every browser check walks: each URL in the sitemap, plus the 404 page.
// Read from the running server, so a new question is checked without editing a list.
export interface SitePage {
  url: string;
  /** The status the page answers with. */
  status: number;
}

export async function sitePages(siteUrl: string): Promise<SitePage[]> {
  const sitemap = await (await fetch(`${siteUrl}/sitemap.xml`)).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? "");
  return [...urls.map((url) => ({ url, status: 200 })), { url: `${siteUrl}/questions/no-such-question`, status: 404 }];
}

/** The path alone, for test names. */
export function label(url: string): string {
  return new URL(url).pathname;
}
