// Search shared by the search page and the recall test (tests/search/recall.mjs).
//
// Pagefind stems every word with the page language's stemmer and matches query stems as
// prefixes. Finnish inflection is richer than its stemmer: "nuorten" stems to "nuort", which is
// not a prefix of "nuoret" ("nuor"). So a Finnish query is also run with each word's case
// ending removed, and the results of both runs are merged, exact matches first.

const FINNISH_ENDINGS = [
  "itten", "iden", "tten", "ineen", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
  "lle", "ksi", "ten", "den", "jen", "na", "nä", "ta", "tä", "in", "en", "an", "än", "on",
  "un", "yn", "a", "ä", "n", "t",
];

/// The query with each word's Finnish case ending removed (at least four letters remain).
export function finnishBase(query) {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const lower = word.toLowerCase();
      const ending = FINNISH_ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= 4);
      return ending ? lower.slice(0, lower.length - ending.length) : lower;
    })
    .join(" ");
}

/// Pagefind's options for every search of the site. Since 1.5 Pagefind folds ä→a and ö→o, so
/// "saa" also finds "sää" (good for readers without Finnish keyboards). The ranking weight
/// puts the spelling the reader typed first: at Pagefind's default a page merely starting
/// with "saa…" outranked the page with "sää" for the query "sää" (tests/search.rs), at 5 it
/// no longer does. `exactDiacritics` would lose the folded matches altogether.
function options(baseUrl) {
  return { baseUrl, ranking: { diacriticSimilarity: 5.0 } };
}

/// The site's search in `lang`. The index may be split into shards (pagefind/shards.json,
/// written by `kertomus build`): the first shard of the language is loaded and the others
/// merged into it with Pagefind's mergeIndex, so one search runs over all of them. `bundle` is
/// the address of pagefind/, `baseUrl` the site's, `load` imports a module by address.
export async function open(bundle, baseUrl, lang, load = (url) => import(url)) {
  const response = await fetch(bundle + "shards.json");
  const manifest = response.ok ? await response.json() : { shards: [{ path: "", langs: [lang] }] };
  const mine = manifest.shards.filter((s) => s.langs.includes(lang));
  const [first, ...rest] = mine.length ? mine : manifest.shards;
  const pagefind = await load(bundle + first.path + "pagefind.js");
  await pagefind.options({ ...options(baseUrl), basePath: bundle + first.path });
  for (const shard of rest) {
    await pagefind.mergeIndex(bundle + shard.path, options(baseUrl));
  }
  return pagefind;
}

/// Results (Pagefind data objects) for `query` in `lang`, best first, each page once. The
/// searches run together, then every result's data is fetched at once.
export async function searchAll(pagefind, query, lang, limit = 30) {
  const queries = [query];
  if (lang === "fi") {
    const base = finnishBase(query);
    if (base && base !== query.toLowerCase()) queries.push(base);
  }
  const searches = await Promise.all(queries.map((q) => pagefind.search(q)));
  const seen = new Set();
  const picked = [];
  for (const search of searches) {
    for (const r of search.results) {
      if (seen.has(r.id) || picked.length >= limit) continue;
      seen.add(r.id);
      picked.push(r);
    }
  }
  return Promise.all(picked.map((r) => r.data()));
}
