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

/// Results (Pagefind data objects) for `query` in `lang`, best first, each page once.
export async function searchAll(pagefind, query, lang, limit = 30) {
  const queries = [query];
  if (lang === "fi") {
    const base = finnishBase(query);
    if (base && base !== query.toLowerCase()) queries.push(base);
  }
  const seen = new Set();
  const out = [];
  for (const q of queries) {
    const search = await pagefind.search(q);
    for (const r of search.results) {
      if (seen.has(r.id) || out.length >= limit) continue;
      seen.add(r.id);
      out.push(await r.data());
    }
  }
  return out;
}
