// `npm run worker`: Ripple's notification worker on its own, for installs that keep it apart from
// the web instances (run those with NOTIFICATIONS_WORKER=off). It is the built server's own code
// (`npm run build` first): loading the request handler initialises the app, which migrates the
// database and, with NOTIFICATIONS_WORKER on, starts the worker; no port is opened.
process.env.NOTIFICATIONS_WORKER = 'on';
await import('../build/handler.js');

function stop(signal) {
	// What adapter-node's own server emits on shutdown; the app stops its worker and closes the database.
	process.emit('sveltekit:shutdown', signal);
	setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
