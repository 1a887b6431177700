// `npm run db:seed`: loads the Northwind Group demo organisation into an empty database.
//   --reset         replace whatever the database holds with the demo (everything else is deleted)
//   --if-empty      seed only an empty database and otherwise leave it alone (used by `npm run demo`)
//   --size large    instead of the demo, generate a large organisation (10,000 people, two years of
//                   activity) for performance work; `--size demo` is the default
//   --size xlarge   the same at 100,000 people (5,000 teams, 500 units, about 12 million rows), to
//                   show that a page's cost does not grow with the organisation (meant for PostgreSQL)
//   --seed <n>      with --size large or xlarge: the seed of the generator (default 42); the same
//                   seed gives the same organisation
//
// How demo/ is laid out. Only `accounts.ts` (the sign-in accounts) reaches the app; everything else
// runs from this CLI and stays out of the server bundle (tests/e2e/demo-bundle.spec.ts checks).
//   northwind/      the small demo's story as typed constants: org chart, people, metric
//                   definitions, team stories, observations, self-assessments
//   seed.ts         loads the small demo, calling one generator per area: learning.ts, connect.ts,
//                   shadowing.ts, buddies.ts, and measure.ts (with case-feedback.ts, measure-curves.ts)
//   large.ts        generates the large organisation; its plan, vocabulary and phases are in large/
//   random.ts       the seeded random streams every generator draws from
import { config } from '../config';
import { openDatabase, type Db } from '../db';
import { migrateToLatest } from '../db/migrator';
import { demoAccounts, DEMO_PASSWORD } from './accounts';
import { seedLargeOrganisation, type LargeOrgSummary } from './large';
import { LARGE_ACCOUNTS } from './large/plan';
import { clearDatabase, isDatabaseEmpty, seedDemo } from './seed';

/** People in each generated organisation. */
const LARGE_SIZES = { large: 10_000, xlarge: 100_000 } as const;
const isLargeSize = (size: string | undefined): size is keyof typeof LARGE_SIZES =>
	size === 'large' || size === 'xlarge';

interface Options {
	reset: boolean;
	ifEmpty: boolean;
	size: 'demo' | keyof typeof LARGE_SIZES;
	seed: number;
}

/** Reads the flags; `--size` and `--seed` take a value, as the next argument or after `=`. */
function parseArgs(args: readonly string[]): Options | { error: string } {
	const options: Options = { reset: false, ifEmpty: false, size: 'demo', seed: 42 };
	let seedGiven = false;
	for (let i = 0; i < args.length; i++) {
		const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
		const value = () => inline ?? args[++i];
		if (flag === '--reset' && inline === undefined) options.reset = true;
		else if (flag === '--if-empty' && inline === undefined) options.ifEmpty = true;
		else if (flag === '--size') {
			const size = value();
			if (size !== 'demo' && !isLargeSize(size))
				return { error: `--size takes demo, large or xlarge, not ${size ?? 'nothing'}.` };
			options.size = size;
		} else if (flag === '--seed') {
			const seed = value();
			if (seed === undefined || !/^\d+$/.test(seed) || Number(seed) > 0xffffffff)
				return { error: '--seed takes a whole number from 0 to 4294967295.' };
			options.seed = Number(seed);
			seedGiven = true;
		} else
			return {
				error: `Unknown option ${args[i]}. Use --reset or --if-empty, and --size large or xlarge with an optional --seed <n>.`
			};
	}
	if (options.reset && options.ifEmpty) return { error: 'Choose one of --reset and --if-empty, not both.' };
	if (seedGiven && !isLargeSize(options.size)) return { error: '--seed applies to --size large or xlarge only.' };
	return options;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Seeds an empty database (or a transaction that has just cleared one); returns what to print afterwards. */
type Loader = (db: Db, now: Date) => Promise<() => void>;

const loadDemo: Loader = async (db, now) => {
	const counts = await seedDemo(db, now);
	return () => {
		console.log(
			`Loaded the Northwind Group demo: ${counts.units} org units, ${counts.teams} teams, ${counts.people} people.`
		);
		console.log(`Every demo person signs in with the password: ${DEMO_PASSWORD}`);
		for (const account of demoAccounts) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
	};
};

function loadLarge(seed: number, people: number): Loader {
	return async (db, now) => {
		const started = performance.now();
		console.log(`Generating a large organisation (seed ${seed}):`);
		const summary: LargeOrgSummary = await seedLargeOrganisation(db, {
			seed,
			now,
			people,
			onProgress: (step, rows, ms) =>
				console.log(`  ${step.padEnd(20)} ${rows.toLocaleString('en').padStart(10)} rows  ${seconds(ms).padStart(7)}`)
		});
		const elapsed = performance.now() - started;
		return () => {
			const { counts } = summary;
			const total = Object.values(counts).reduce((a, b) => a + b, 0);
			console.log(
				`Loaded a large organisation in ${seconds(elapsed)}: ${counts.org_units ?? 0} org units, ${counts.teams ?? 0} teams, ` +
					`${(counts.people ?? 0).toLocaleString('en')} people; ${total.toLocaleString('en')} rows in all.`
			);
			console.log(`Every person signs in with the password: ${DEMO_PASSWORD}`);
			for (const [role, email] of Object.entries(LARGE_ACCOUNTS)) {
				const note =
					role === 'leader'
						? ` (leads a unit of ${summary.leaderUnitTeams} teams)`
						: role === 'manager'
							? ' (a team of 20)'
							: '';
				console.log(`  ${role.padEnd(8)} ${email}${note}`);
			}
		};
	};
}

const parsed = parseArgs(process.argv.slice(2));
if ('error' in parsed) {
	console.error(parsed.error);
	process.exitCode = 1;
} else {
	const { reset, ifEmpty } = parsed;
	const load = isLargeSize(parsed.size) ? loadLarge(parsed.seed, LARGE_SIZES[parsed.size]) : loadDemo;
	const database = openDatabase(config.databaseUrl);
	try {
		await migrateToLatest(database);
		const now = new Date();
		if (await isDatabaseEmpty(database)) {
			(await load(database, now))();
		} else if (reset) {
			// Clear and seed in one transaction, so a failed seed leaves the old data in place.
			const report = await database.transaction().execute(async (trx) => {
				await clearDatabase(trx);
				return load(trx, now);
			});
			console.log(`Reset ${config.databaseUrl}: all previous data was deleted.`);
			report();
		} else if (ifEmpty) {
			console.log(`${config.databaseUrl} already has data; left as it is.`);
		} else {
			console.error(
				`${config.databaseUrl} already has data, so the ${parsed.size === 'demo' ? 'demo' : 'large organisation'} was not loaded.\n` +
					`Run \`npm run db:seed -- ${parsed.size === 'demo' ? '' : `--size ${parsed.size} `}--reset\` to delete everything in it and load it instead.`
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
