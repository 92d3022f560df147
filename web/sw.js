// Purpose: offline play. Precaches the game's files as one consistent set per
// release (the version and the list are filled in by scripts/package_site.py), serves
// them cache-first so a page and its scripts always match (their SRI hashes included),
// and replaces the whole set when a new release is installed. The legal pages the game links
// to are in the list (a folder's URL means its index.html); anything else (older document
// versions, the consent API, partner pages) goes to the network untouched.
'use strict';

const VERSION = '{{sw:version}}';
const PRECACHE = {{sw:files}};
const CACHE = 'astradia-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((f) => new Request(f, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('astradia-') && n !== CACHE)
        .map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname;
  if (!PRECACHE.includes(path)) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(path))
      .then((hit) => hit || fetch(request)),
  );
});
