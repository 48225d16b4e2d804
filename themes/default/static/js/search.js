// Search with the Pagefind index built by `kertomus build` (pagefind/ at the site's root).
// The page works without this script: it then says that search needs JavaScript.
// Results come a page at a time ("Show more"); the status line says how many there are in
// all and is announced politely. Typing clears the previous count and results at once and
// searches when the reader pauses; an answer to an older query is dropped.
import { open, search, excerpt } from "./search-core.js";

const script = document.currentScript || document.querySelector("script[data-base]");
const text = script.dataset;
const base = text.base || "/";
const lang = document.documentElement.lang;
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
/// Results shown at first and added by each "Show more".
const PAGE = 20;
/// Quiet time after a keystroke before the search runs (ms).
const PAUSE = 250;
let site = null;
let found = [];
let shown = 0;
let turn = 0;
let timer = 0;

async function load() {
  if (!site) site = await open(base + "pagefind/", base, lang);
  return site;
}

function item(data) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = (data.meta && data.meta.title) || data.url;
  const p = document.createElement("p");
  excerpt(data).forEach(([word, marked], i) => {
    if (i > 0) p.append(" ");
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = word;
      p.append(mark);
    } else {
      p.append(word);
    }
  });
  li.append(a, p);
  return li;
}

function say() {
  const n = found.length;
  if (n === 0) {
    status.textContent = text.none;
    return;
  }
  const count = n === 1 ? text.countOne : text.count.replace("{n}", String(n));
  status.textContent = shown < n ? count + " " + text.shown.replace("{shown}", String(shown)) : count;
}

/// Clears the results of the last query (a new one is on its way).
function clear() {
  turn += 1;
  found = [];
  shown = 0;
  list.replaceChildren();
  more.hidden = true;
  status.textContent = "";
}

/// The next page of results; with `focus`, the first new link takes the keyboard focus.
async function showMore(focus) {
  const mine = turn;
  const next = found.slice(shown, shown + PAGE);
  const data = await Promise.all(next.map((r) => r.data()));
  if (mine !== turn) return;
  const items = data.map(item);
  list.append(...items);
  shown += items.length;
  more.hidden = shown >= found.length;
  say();
  if (focus && items.length) items[0].querySelector("a").focus();
}

async function run(query) {
  clearTimeout(timer);
  clear();
  const mine = turn;
  if (!query.trim()) return;
  status.textContent = text.searching;
  let results;
  try {
    results = await search(await load(), query, lang);
  } catch (e) {
    if (mine === turn) status.textContent = text.unavailable;
    return;
  }
  if (mine !== turn) return;
  found = results;
  await showMore(false);
}

function remember(query) {
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  history.replaceState(null, "", url);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  remember(input.value);
  run(input.value);
});

input.addEventListener("input", () => {
  clear();
  clearTimeout(timer);
  timer = setTimeout(() => {
    remember(input.value);
    run(input.value);
  }, PAUSE);
});

more.addEventListener("click", () => showMore(true));

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run(initial);
}
