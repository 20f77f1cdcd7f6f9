// The service worker: every file of this release cached when a page is first opened, so that the
// app keeps working when the network drops; replaced whole by the next release's (the pages are
// asked of the network first, every other file is named by its content and never changes). The
// two lists below are written by scripts/post-build.mjs.
const VERSION = 'dingji-%VERSION%';
const FILES = '%FILES%';

// A file the page has just loaded is taken from the browser's cache; any other is fetched past it
// ('no-store'), so that a page asking for the same file meanwhile is never held behind this
// background copy (the browser lets one request at a time write a file to its cache).
async function keep(cache, url) {
  let response;
  try {
    response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
  } catch {
    response = undefined;
  }
  if (!response?.ok) response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await cache.put(url, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => Promise.all(FILES.map((url) => keep(cache, url))))
      .then(() => self.skipWaiting()),
  );
});

// The new release takes over at once; the old one's files go, and the open pages are told.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((k) => k.startsWith('dingji-') && k !== VERSION);
      await Promise.all(old.map((k) => caches.delete(k)));
      await self.clients.claim();
      if (old.length > 0) {
        for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage('dingji-updated');
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(VERSION);
      if (request.mode === 'navigate') {
        // A page: the network's, so that a deploy is seen at once; the cached one offline.
        try {
          return await fetch(request);
        } catch (e) {
          const kept = await cache.match(request, { ignoreSearch: true });
          if (kept) return kept;
          throw e;
        }
      }
      return (await cache.match(request)) ?? fetch(request);
    })(),
  );
});
