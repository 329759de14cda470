// Redress's service worker: keeps the app shell so the app opens with no network after one
// visit, deep links included. It caches only the app's own files, never records (those live
// in the page's storage), and talks to no other site.
//
// trunk gives assets hashed names, so the worker learns what to keep from index.html itself.

const CACHE = "redress-shell";
const SHELL = "/index.html";

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: "no-store" });
  if (!response.ok) throw new Error(`index.html answered ${response.status}`);
  const html = await response.clone().text();
  const assets = new Set(
    [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["'](\/[^"'#?]+)["']/g)].map((m) => m[1]),
  );
  assets.delete(SHELL);
  await cache.addAll([...assets]);
  await cache.put(SHELL, response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Network first, so a new release is picked up; the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL)),
    );
    return;
  }

  // Assets have hashed names, so a cached copy is never stale.
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
