// Runs searches against a built site's Pagefind index in Node, as the search page does: opens
// the index (its shards merged) with the site's js/search-core.js, answers fetches from the files on
// disk, and tells Pagefind the page's language. Prints one JSON line per query: {"lang", "query", "urls"}.
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

for (const item of queries) {
  const [lang, ...rest] = item.split(":");
  const query = rest.join(":");
  globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  const core = await import(pathToFileURL(path.join(root, "js/search-core.js")).href);
  // A fresh module per query (the query string makes it one), as a fresh page would load.
  const load = (url) => import(url + "?lang=" + lang);
  const module = await core.open(pathToFileURL(path.join(root, "pagefind/")).href, "/", lang, load);
  const data = await core.searchAll(module, query, lang);
  console.log(JSON.stringify({ lang, query, urls: data.map((d) => d.url) }));
}
