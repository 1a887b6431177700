// Run as its own process by shadowing.test.ts: asks for a shadowing place against a database
// (file or PostgreSQL URL), as one server process would, and prints the outcome as JSON.
import { openDatabase } from '../../src/lib/server/db';
import { requestVisit } from '../../src/lib/server/shadowing/service';
import { scopeOf } from '../../src/lib/server/people/credentials';

const [file, visitorId, slotId, now] = process.argv.slice(2) as [string, string, string, string];
const database = openDatabase(file);
try {
	const result = await requestVisit(
		database,
		{ id: visitorId, ip: null, scope: await scopeOf(database, visitorId), timeZone: 'UTC', locale: 'en' },
		slotId,
		{ objectives: 'Asked for from a separate process.' },
		new Date(now)
	);
	console.log(JSON.stringify(result));
} catch (error) {
	console.log(JSON.stringify({ ok: false, thrown: String(error) }));
} finally {
	await database.destroy();
}
