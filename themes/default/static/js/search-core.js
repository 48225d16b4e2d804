// Search shared by the search page and the recall test (tests/search/recall.mjs).
//
// Finnish words take many forms ("nuori", "nuoret", "nuorten") and are made of compounds
// ("hyvinvointikertomus"); Pagefind's Snowball stemmer brings few of them together. So
// `kertomus build` analysed every Finnish word of the site with libvoikko and indexed each
// word's base forms and compound parts right after it, as hidden words (starting with "_",
// weighted below the word as written). A Finnish query is searched the same way: each word
// is looked up in the site's own word forms (pagefind/forms/fi/, one small file per first
// letters, listed in pagefind/shards.json) and searched as its base forms. A word the site
// does not have is searched as typed. Hidden words are left out of excerpts; a match on one
// marks the word it belongs to.

/// Lowercase, without diacritics ("Päihde" → "paihde"), as the build files word forms.
export function fold(word) {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/// The word inside a token, without the punctuation around it, as the build trims words.
export function trim(token) {
  return token.replace(/^[^\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+$/gu, "");
}

/// The query file a word form is in: the first `prefix` characters of its folded form,
/// a–z and digits as they are, others as "_" and their code point in hex (as the build).
export function fileName(word, prefix) {
  return [...fold(word)]
    .slice(0, prefix)
    .map((c) => (/^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16)))
    .join("");
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
  const forms = manifest.forms && manifest.forms[lang];
  const words = forms ? { ...forms, bundle, files: new Set(forms.files), loaded: new Map() } : null;
  return { pagefind, words };
}

/// The site's word forms in the file of `word`, as a map from form to its base forms.
async function formsOf(words, word) {
  const name = fileName(word, words.prefix);
  if (!words.files.has(name)) return {};
  if (!words.loaded.has(name)) {
    const url = words.bundle + words.path + name + ".json";
    words.loaded.set(name, fetch(url).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
  }
  return words.loaded.get(name);
}

/// What to search a query word as: each term with its rank, 0 for the spelling typed, 1 for
/// a form that differs from it only by diacritics ("saa" typed: "saada" 0, "sää" 1). A word
/// the site has is searched as its base forms; one it has only with diacritics ("paihde")
/// as theirs; any other word as typed.
async function termsOf(words, word) {
  const typed = word.toLowerCase();
  if (!words) return [[typed, 0]];
  const forms = await formsOf(words, typed);
  const bases = (form) => (forms[form] === "" ? [form] : forms[form].split(" "));
  const exact = Object.hasOwn(forms, typed) ? bases(typed) : [];
  const folded = Object.keys(forms)
    .filter((f) => f !== typed && fold(f) === fold(typed))
    .flatMap(bases)
    .filter((b) => !exact.includes(b));
  if (!exact.length && !folded.length) return [[typed, 0]];
  const rank = exact.length ? 1 : 0;
  return [...exact.map((b) => [b, 0]), ...[...new Set(folded)].map((b) => [b, rank])];
}

/// At most this many searches for one query (a word with several readings multiplies).
const MAX_SEARCHES = 12;

/// The searches to run for `query`: strings of terms with their rank (the sum of their
/// words'), best first.
async function searchesOf(words, query) {
  const tokens = query.split(/\s+/).map(trim).filter(Boolean);
  // A quoted phrase is Pagefind's own syntax: searched as typed.
  if (!tokens.length || query.includes('"')) return query.trim() ? [[query.trim(), 0]] : [];
  let combos = [["", 0]];
  for (const terms of await Promise.all(tokens.map((t) => termsOf(words, t)))) {
    combos = combos.flatMap(([q, r]) => terms.map(([t, tr]) => [(q + " " + t).trim(), r + tr]));
    combos.sort((a, b) => a[1] - b[1]);
    combos = combos.slice(0, MAX_SEARCHES);
  }
  return combos;
}

/// Every result for `query` in `lang`, best first, each page once: Pagefind result objects
/// (whose `data()` loads the page's excerpt and title), so a page of them is loaded at a time.
export async function search(site, query, lang) {
  const words = lang === "fi" ? site.words : null;
  const searches = await searchesOf(words, query);
  const found = await Promise.all(searches.map(([q]) => site.pagefind.search(q)));
  const best = new Map();
  found.forEach((search, i) => {
    const rank = searches[i][1];
    for (const r of search.results) {
      const seen = best.get(r.id);
      if (!seen || rank < seen.rank || (rank === seen.rank && r.score > seen.result.score)) {
        best.set(r.id, { rank, result: r });
      }
    }
  });
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || b.result.score - a.result.score)
    .map((b) => b.result);
}

/// The excerpt of a result's data: `length` words of the page's text around the most
/// matches, without hidden words, as [word, marked] pairs; a match on a hidden word marks
/// the word before it, which it belongs to.
export function excerpt(data, length = 30) {
  const shown = [];
  const owner = [];
  for (const word of data.content.split(/[\r\n\s]+/)) {
    if (!word.startsWith("_")) shown.push(word);
    owner.push(shown.length - 1);
  }
  const picked = new Set((data.locations || []).map((l) => owner[l]).filter((i) => i >= 0));
  const marked = (i) => (picked.has(i) ? 1 : 0);
  // The window of `length` words with the most marks, the first of them if several.
  let count = 0;
  for (let j = 0; j < length; j++) count += marked(j);
  let [most, start] = [count, 0];
  for (let i = 1; i + length <= shown.length; i++) {
    count += marked(i + length - 1) - marked(i - 1);
    if (count > most) [most, start] = [count, i];
  }
  // A few words before the first mark, for its sentence.
  const first = [...picked].filter((i) => i >= start).sort((a, b) => a - b)[0];
  if (first !== undefined) start = Math.max(0, Math.min(first - 5, shown.length - length));
  return shown.slice(start, start + length).map((w, i) => [w, picked.has(start + i)]);
}
