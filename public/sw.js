// Redress's service worker: keeps the app shell so the app opens with no network after one
// visit, deep links included, and fetches a new release in the background. It caches only the
// app's own files, never records (those live in the page's storage), and talks to no other site.
//
// trunk gives assets hashed names, so the worker learns what to keep from index.html itself.
// The build names the release below (scripts/release.mjs), so each release's worker differs:
// the browser installs the new one beside the old, it fetches the new shell into a cache of
// its own, takes over, and the page (src/offline.rs) offers "A new version of Redress is
// ready — Reload". Until the person reloads, the page goes on with the release it started with.

const RELEASE = "dev";
// The pieces of the app a page fetches when first opened (a page of each area, team sync): the
// build lists them here (scripts/split.mjs), and they are kept with the shell so every page
// opens offline after one visit.
const PIECES = [];
const CACHE = `redress-shell-${RELEASE}`;
const SHELL = "/index.html";
// When each release's cache was filled, so the one before this release can be told apart.
const KEPT_AT = "/.redress-kept-at";

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: "no-store" });
  if (!response.ok) throw new Error(`index.html answered ${response.status}`);
  const html = await response.clone().text();
  const assets = new Set(
    [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["'](\/[^"'#?]+)["']/g)].map((m) => m[1]),
  );
  assets.delete(SHELL);
  for (const piece of PIECES) assets.add(piece);
  await cache.addAll([...assets].map((asset) => new Request(asset, { cache: "no-store" })));
  await cache.put(SHELL, response);
  await cache.put(KEPT_AT, new Response(String(Date.now())));
}

async function keptAt(name) {
  const marker = await (await caches.open(name)).match(KEPT_AT);
  return marker ? Number(await marker.text()) || 0 : 0;
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

// Once this release is in charge, the release before it stays kept and older ones are dropped:
// a page still running the release before (until its person reloads) fetches the pieces it has
// not opened yet from there, offline too, even once the host has only the new release.
async function dropOlderReleases() {
  const others = (await caches.keys()).filter((name) => name.startsWith("redress-shell") && name !== CACHE);
  const newestFirst = (await Promise.all(others.map(async (name) => [await keptAt(name), name]))).sort((a, b) => b[0] - a[0]);
  await Promise.all(newestFirst.slice(1).map(([, name]) => caches.delete(name)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    dropOlderReleases()
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((pages) => pages.forEach((page) => page.postMessage({ release: RELEASE }))),
  );
});

// A page asks which release this worker holds when it starts.
self.addEventListener("message", (event) => {
  if (event.data === "release?") event.source?.postMessage({ release: RELEASE });
});

async function shell() {
  const cache = await caches.open(CACHE);
  return cache.match(SHELL);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Team sync's requests (a CouchDB served on this site's own address, behind a proxy) carry a
  // password and ask for no caching: never kept here, never answered from here.
  if (request.headers.has("Authorization") || request.cache === "no-store") return;

  if (request.mode === "navigate") {
    // Network first, so the host's own answers (and a new release) are seen. The cached shell
    // answers when the network cannot (offline) and when the host answers 404: a host that does
    // not send index.html for every address still opens the app at a deep link such as
    // /records/<id>, since every address of the app is drawn by the same shell.
    event.respondWith(
      fetch(request)
        .then(async (response) => {
          if (response.status === 404) return (await shell()) || response;
          return response;
        })
        .catch(async () => (await shell()) || Response.error()),
    );
    return;
  }

  // Assets have hashed names, so a cached copy is never stale (caches.match looks in the release
  // before too).
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
