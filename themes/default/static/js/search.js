// Search with the Pagefind index built by `kertomus build` (pagefind/ at the site's root).
// The page works without this script: it then says that search needs JavaScript.
import { open, searchAll } from "./search-core.js";

const script = document.currentScript || document.querySelector("script[data-base]");
const base = script.dataset.base || "/";
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
let pagefind = null;

async function load() {
  if (!pagefind) {
    pagefind = await open(base + "pagefind/", base, document.documentElement.lang);
  }
  return pagefind;
}

function item(result) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = result.url;
  a.textContent = (result.meta && result.meta.title) || result.url;
  const p = document.createElement("p");
  // Pagefind marks the matched words with <mark> in an excerpt of our own indexed text.
  p.innerHTML = result.excerpt;
  li.append(a, p);
  return li;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = script.dataset.searching;
  let found;
  try {
    found = await searchAll(await load(), query, document.documentElement.lang);
  } catch (e) {
    status.textContent = script.dataset.unavailable;
    return;
  }
  list.replaceChildren(...found.map(item));
  status.textContent = found.length === 0
    ? script.dataset.none
    : script.dataset.count.replace("{n}", String(found.length));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value;
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  history.replaceState(null, "", url);
  run(query);
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run(initial);
}
