// `npm run db:check-rollups` compares every roll-up with the raw records and exits 1 on any
// difference; `npm run db:repair-rollups` (this with --repair) works them all out afresh.
// The roll-ups depend on the course content, which only Vite can load (import.meta.glob of
// Markdown), so the work is loaded through Vite, as the benchmark's in-process timings are.
import { resolve } from 'node:path';
import { config } from '../config';
import { openDatabase } from '../db';
import { viteLoader } from '../vite-loader';

const root = resolve(import.meta.dirname, '../../../..');
const repair = process.argv.includes('--repair');
const vite = await viteLoader(root);
const database = openDatabase(config.databaseUrl);
try {
	const { rollups } = (await vite.ssrLoadModule('/src/lib/server/rollups/index.ts')) as typeof import('./index');
	for (const rollup of rollups) {
		const start = performance.now();
		if (repair) {
			const rebuilt = await rollup.rebuild(database);
			console.log(`${rollup.name}: ${rebuilt} rows worked out afresh in ${Math.round(performance.now() - start)} ms`);
			continue;
		}
		const { checked, differences } = await rollup.check(database);
		const took = `${Math.round(performance.now() - start)} ms`;
		if (differences.length === 0) console.log(`${rollup.name}: ${checked} rows agree with the records (${took})`);
		else {
			process.exitCode = 1;
			console.error(`${rollup.name}: ${differences.length} of ${checked} rows differ from the records (${took}):`);
			for (const line of differences.slice(0, 20)) console.error(`  ${line}`);
			if (differences.length > 20) console.error(`  … and ${differences.length - 20} more`);
			console.error('Run `npm run db:repair-rollups` to work them out afresh.');
		}
	}
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exitCode = 1;
} finally {
	await database.destroy();
	await vite.close();
}
