import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The demo's story data and its generators run from the seed CLI only: the production build may
// carry the demo sign-in accounts (the sign-in page lists them) and nothing else of the demo.
// Playwright builds before every run (webServer in playwright.config.ts), so `build/` is fresh.
// No browser needed: this reads the build from disk.

const BUILD = 'build';
const DEMO = 'src/lib/server/demo';

/** A sentence from each demo data file and generator, found nowhere else in Ripple. */
const storyText: readonly { file: string; text: string }[] = [
	{ file: 'northwind/people-finance.ts', text: 'Agnieszka Kowalczyk' },
	{ file: 'northwind/metrics.ts', text: 'Requests still open at the close of the last working day of the month.' },
	{ file: 'northwind/team-stories.ts', text: 'Sorted the same morning I asked. Thank you.' },
	{
		file: 'northwind/observations-accounts-payable.ts',
		text: 'A packaging supplier was about to put us on stop because two invoices were blocked'
	},
	{
		file: 'northwind/observations-accounts-receivable.ts',
		text: 'A Sales account manager raised a dispute about a pricing error on a customer invoice.'
	},
	{ file: 'northwind/observations-other-teams.ts', text: 'Chloé wrote a one-page guide for managers' },
	{ file: 'northwind/assessments.ts', text: 'Several inboxes and phone numbers; customers are unsure where to go.' },
	{ file: 'learning.ts', text: 'how many of their calls start with a supplier invoice we are still holding' },
	{ file: 'connect.ts', text: 'Priya chased a stuck supplier refund through two teams' },
	{ file: 'shadowing.ts', text: 'A supplier on stop blocks orders within a day' },
	{ file: 'buddies.ts', text: 'Our hours barely overlap.' },
	{ file: 'measure.ts', text: 'no Measure story for team' },
	{ file: 'seed.ts', text: 'clear it before loading the demo.' },
	{ file: 'large/vocabulary.ts', text: 'spotted the root cause and fixed the template' },
	{ file: 'large/measure.ts', text: 'the behaviour framework is empty' }
];

/** Every file the build wrote under `dir`, with its path, as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((name) => join(dir, name))
		.filter((path) => statSync(path).isFile())
		.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

test('the production build holds the demo sign-in accounts but no demo story or generator', () => {
	const server = filesUnder(join(BUILD, 'server'));
	// The sign-in page's list reaches the server bundle, which shows the search is looking in the right place.
	expect(server.some((f) => f.text.includes('staff@ripple.test') && f.text.includes('ripple-demo-2026'))).toBe(true);

	const everything = filesUnder(BUILD);
	const leaks = storyText.flatMap(({ file, text }) => {
		// Each sentence must still be in its file, or this check would pass without checking anything.
		expect(readFileSync(join(DEMO, file), 'utf8'), `${file} no longer says "${text}"`).toContain(text);
		return everything.filter((f) => f.text.includes(text)).map((f) => `demo/${file} -> ${f.path}`);
	});
	expect(leaks, 'demo story text found in the build').toEqual([]);
});
