import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './worker-server';
import { expectNoAxeViolations, gotoReady, storageStateFor } from './fixtures';

/**
 * The course as a learner, a manager and a facilitator meet it (issue 15): scenarios that play out
 * one choice at a time, a knowledge check drawn per attempt that can be reviewed as it was seen,
 * and each module's blended-delivery pack for whoever it is meant for.
 */

const slug = 'giving-and-receiving-feedback';
const dir = `content/modules/${slug}`;

interface Step {
	situation: string;
	choices: { label: string; consequence: string; outcome: string; next?: Step }[];
}
interface ScenarioFile extends Step {
	title: string;
}

/** The first lesson of the module that places a scenario, and that scenario, read from disk. */
function firstScenario(): { lesson: string; scenario: ScenarioFile } {
	for (const file of readdirSync(dir)
		.filter((f) => /^\d\d-.*\.md$/.test(f))
		.sort()) {
		const id = /<Scenario id="([^"]+)"/.exec(readFileSync(`${dir}/${file}`, 'utf8'))?.[1];
		if (id)
			return {
				lesson: file.replace(/\.md$/, ''),
				scenario: JSON.parse(readFileSync(`${dir}/scenarios/${id}.json`, 'utf8'))
			};
	}
	throw new Error(`${slug} places no scenario`);
}

/** The pages a PDF of the current page has, printed on this paper. */
async function printedPages(page: import('@playwright/test').Page, format: 'A4' | 'Letter') {
	const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
	return pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

test.describe('a learner', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('plays a scenario one choice at a time, seeing only what their choice led to', async ({ page }) => {
		const { lesson, scenario } = firstScenario();
		await gotoReady(page, `/learn/${slug}/${lesson}`);
		const region = page.getByRole('region', { name: scenario.title });
		await expect(region.getByText(scenario.situation)).toBeVisible();
		// Nothing is decided yet: no consequence is on the page.
		for (const c of scenario.choices) await expect(region.getByText(c.consequence)).toHaveCount(0);

		const [first, ...others] = scenario.choices;
		await region.getByRole('button', { name: first!.label, exact: true }).click();
		await expect(region.getByText(first!.consequence)).toBeVisible();
		await expect(region.getByRole('button', { name: first!.label, exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		for (const other of others) {
			await expect(region.getByRole('button', { name: other.label, exact: true })).toBeDisabled();
			await expect(region.getByText(other.consequence)).toHaveCount(0);
		}
		// Every first choice leads on: the next step asks again.
		const next = first!.next!;
		await expect(region.getByText(next.situation)).toBeVisible();
		await expectNoAxeViolations(page);

		// Going back opens the step again; starting again clears the path.
		await region.getByRole('button', { name: 'Choose differently here' }).click();
		await expect(region.getByText(first!.consequence)).toHaveCount(0);
		await expect(region.getByRole('button', { name: others[0]!.label, exact: true })).toBeEnabled();
		await region.getByRole('button', { name: others[0]!.label, exact: true }).click();
		await expect(region.getByText(others[0]!.consequence)).toBeVisible();
		let step: Step | undefined = others[0]!.next;
		while (step) {
			const choice = step.choices.at(-1)!;
			await region.getByRole('button', { name: choice.label, exact: true }).click();
			await expect(region.getByText(choice.consequence)).toBeVisible();
			step = choice.next;
		}
		await expect(region.getByText('That is where this path ends.')).toBeVisible();
		await region.getByRole('button', { name: 'Start the scenario again' }).click();
		for (const c of scenario.choices)
			await expect(region.getByRole('button', { name: c.label, exact: true })).toBeEnabled();
	});

	test('keeps the questions of an open check, and can review an attempt as it was shown', async ({ page }) => {
		await gotoReady(page, `/learn/${slug}/check`);
		const legends = page.locator('legend');
		await expect(legends).toHaveCount(8);
		const shown = await legends.allTextContents();
		await gotoReady(page, `/learn/${slug}/check`);
		expect(await legends.allTextContents()).toEqual(shown);
		await expectNoAxeViolations(page);

		// Answer every question with its first option shown, and submit.
		for (const group of await page.getByRole('group').all())
			await group.getByRole('radio').or(group.getByRole('checkbox')).first().check();
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await expect(page.getByRole('heading', { name: /^(You passed|Not passed yet): \d+%$/ })).toBeVisible();

		await gotoReady(page, `/learn/${slug}`);
		await page.getByRole('link', { name: 'Review the questions and answers' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Your attempt of');
		const reviewed = await page.getByRole('heading', { level: 2, name: /^Question \d+ of 8/ }).allTextContents();
		expect(reviewed.map((t) => t.replace(/^Question \d+ of 8/, '').trim())).toEqual(
			shown.map((t) => t.replace(/^Question \d+ of 8/, '').trim())
		);
		await expect(page.getByText('Your answer').first()).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('reaches the key takeaways with their references and a job aid that prints on one page', async ({ page }) => {
		await gotoReady(page, `/learn/${slug}`);
		const pack = page.getByRole('region', { name: 'Keep and share' });
		await expect(pack.getByRole('link')).toHaveCount(2);
		await pack.getByRole('link', { name: 'Key takeaways' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Key takeaways');
		await expect(page.getByRole('region', { name: 'References' }).getByRole('listitem').first()).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: /^Job aid/ }).click();
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
		await expectNoAxeViolations(page);
		expect(await printedPages(page, 'A4')).toBe(1);
		expect(await printedPages(page, 'Letter')).toBe(1);

		for (const guide of ['manager-guide', 'facilitator-guide'])
			expect((await page.goto(`/learn/${slug}/${guide}`))?.status(), guide).toBe(403);
	});

	test('can print every module’s job aid on one A4 page and on one US Letter page', async ({ page }) => {
		test.slow();
		for (const module of readdirSync('content/modules')) {
			const response = await gotoReady(page, `/learn/${module}/job-aid`);
			expect(response?.status(), module).toBe(200);
			expect(await printedPages(page, 'A4'), `${module} on A4`).toBe(1);
			expect(await printedPages(page, 'Letter'), `${module} on Letter`).toBe(1);
		}
	});
});

test.describe('a manager', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('reads the huddle guide and runs the module as a lunch-and-learn from the facilitator guide', async ({
		page
	}) => {
		await gotoReady(page, `/learn/${slug}`);
		const pack = page.getByRole('region', { name: 'Keep and share' });
		await pack.getByRole('link', { name: /^Manager guide/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Manager guide');
		await expectNoAxeViolations(page);

		await gotoReady(page, `/learn/${slug}/facilitator-guide`);
		await expectNoAxeViolations(page);
		const session = /topic: "([^"]+)"/.exec(readFileSync(`${dir}/facilitator-guide.md`, 'utf8'))![1]!;
		await page.getByRole('link', { name: 'Run this as a lunch-and-learn' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan a lunch-and-learn');
		await expect(page.getByLabel('Topic')).toHaveValue(session);
		await expect(page.getByLabel('What people will learn')).not.toHaveValue('');
		await expect(page.getByLabel('Minutes')).toHaveValue('60');
		await expect(page.getByRole('status')).toContainText('Filled in from the facilitator guide');
	});
});
