// Runs searches against a built site's Pagefind index in Node, as the search page does: opens
// the index (its shards merged, the Finnish word forms listed) with the site's
// js/search-core.js, answers fetches from the files on disk, and tells Pagefind the page's
// language. Prints one JSON line per query: {"lang", "query", "urls", "excerpt"}, where
// `urls` are every result, best first, and `excerpt` is the first result's excerpt with the
// marked words in [brackets].
//
//   node tests/search/recall.mjs PUBLIC_DIR LANG:QUERY [LANG:QUERY ...]
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
import path from "node:path";

const [publicDir, ...queries] = process.argv.slice(2);
const root = path.resolve(publicDir);

globalThis.fetch = async (input) => {
  const url = new URL(String(input), pathToFileURL(root + "/"));
  const file = url.protocol === "file:" ? fileURLToPath(url) : path.join(root, url.pathname);
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { "Content-Type": file.endsWith(".wasm") ? "application/wasm" : "application/octet-stream" } });
  } catch {
    return new Response("", { status: 404 });
  }
};

const sites = new Map();
for (const item of queries) {
  const [lang, ...rest] = item.split(":");
  const query = rest.join(":");
  globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  const core = await import(pathToFileURL(path.join(root, "js/search-core.js")).href);
  if (!sites.has(lang)) {
    // A module of its own per language (the query string makes it one), as a page in that
    // language would load.
    const load = (url) => import(url + "?lang=" + lang);
    sites.set(lang, await core.open(pathToFileURL(path.join(root, "pagefind/")).href, "/", lang, load));
  }
  const results = await core.search(sites.get(lang), query, lang);
  const data = await Promise.all(results.map((r) => r.data()));
  const excerpt = data.length
    ? core.excerpt(data[0]).map(([w, marked]) => (marked ? `[${w}]` : w)).join(" ")
    : "";
  console.log(JSON.stringify({ lang, query, urls: data.map((d) => d.url), excerpt }));
}
