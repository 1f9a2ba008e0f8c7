/* The dashboard's service worker: makes it installable, shows Web Push alerts, and opens the chat a
 * tapped alert is about. Served by the server at /app/sw.js (scope /app/); plain JS, not bundled. */
const SHELL = '/app/';
const CACHE = 'chatref-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.add(SHELL))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// Pages come from the network; offline, the cached shell still opens (it reconnects on its own).
self.addEventListener('fetch', (event) => {
  if (event.request.mode !== 'navigate') return;
  event.respondWith(fetch(event.request).catch(() => caches.match(SHELL).then((r) => r || Response.error())));
});

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'Chatref', body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || 'Chatref', {
      body: data.body || '',
      tag: data.tag || 'chatref',
      renotify: true,
      icon: '/app/icons/icon-192.png',
      badge: '/app/icons/icon-192.png',
      data: { url: data.url || '/app/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || '/app/', self.location.origin);
  // Only the dashboard's own pages are opened.
  const target = url.origin === self.location.origin && url.pathname.startsWith('/app/') ? url.href : SHELL;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).pathname.startsWith('/app'));
      // navigate() works on windows this worker controls; any other is replaced by a new one.
      if (open)
        return open
          .focus()
          .then((w) => w.navigate(target))
          .catch(() => self.clients.openWindow(target));
      return self.clients.openWindow(target);
    }),
  );
});
