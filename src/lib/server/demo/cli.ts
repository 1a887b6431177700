// `npm run db:seed`: loads the Northwind Group demo organisation into an empty database.
//   --reset     replace whatever the database holds with the demo (everything else is deleted)
//   --if-empty  seed only an empty database and otherwise leave it alone (used by `npm run demo`)
import { config } from '../config';
import { openDatabase } from '../db';
import { migrateToLatest } from '../db/migrator';
import { demoAccounts, DEMO_PASSWORD } from './data';
import { clearDatabase, isDatabaseEmpty, seedDemo } from './seed';

const KNOWN_FLAGS = ['--reset', '--if-empty'];
const args = process.argv.slice(2);
const reset = args.includes('--reset');
const ifEmpty = args.includes('--if-empty');

function printSummary(counts: { people: number; teams: number; units: number }): void {
	console.log(`Loaded the Northwind Group demo: ${counts.units} org units, ${counts.teams} teams, ${counts.people} people.`);
	console.log(`Every demo person signs in with the password: ${DEMO_PASSWORD}`);
	for (const account of demoAccounts) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
}

const unknown = args.filter((arg) => !KNOWN_FLAGS.includes(arg));
if (unknown.length > 0 || (reset && ifEmpty)) {
	console.error(
		unknown.length > 0
			? `Unknown option ${unknown.join(', ')}. Use --reset or --if-empty.`
			: 'Choose one of --reset and --if-empty, not both.'
	);
	process.exitCode = 1;
} else {
	const database = openDatabase(config.databaseUrl);
	try {
		await migrateToLatest(database);
		const now = new Date();
		if (await isDatabaseEmpty(database)) {
			printSummary(await seedDemo(database, now));
		} else if (reset) {
			// Clear and seed in one transaction, so a failed seed leaves the old data in place.
			const counts = await database.transaction().execute(async (trx) => {
				await clearDatabase(trx);
				return seedDemo(trx, now);
			});
			console.log(`Reset ${config.databaseUrl}: all previous data was deleted.`);
			printSummary(counts);
		} else if (ifEmpty) {
			console.log(`${config.databaseUrl} already has data; left as it is.`);
		} else {
			console.error(
				`${config.databaseUrl} already has data, so the demo was not loaded.\n` +
					'Run `npm run db:seed -- --reset` to delete everything in it and load the demo instead.'
			);
			process.exitCode = 1;
		}
	} catch (err) {
		console.error(err instanceof Error ? err.message : err);
		process.exitCode = 1;
	} finally {
		await database.destroy();
	}
}
