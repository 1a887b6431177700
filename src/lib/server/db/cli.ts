// `npm run db:migrate`: applies pending migrations (or `--down` reverts the latest one).
import { openDatabase, type Db } from './index';
import { config } from '../config';
import { migrateDown, migrateToLatest } from './migrator';

let database: Db | undefined;
try {
	database = openDatabase(config.databaseUrl);
	if (process.argv.includes('--down')) {
		const reverted = await migrateDown(database);
		console.log(reverted.length ? `Reverted ${reverted.join(', ')}` : 'Nothing to revert.');
	} else {
		const applied = await migrateToLatest(database);
		console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
	}
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exitCode = 1;
} finally {
	await database?.destroy();
}
