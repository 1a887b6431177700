import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, test } from './worker-server';
import { demoLocales, expectNoAxeViolations, gotoReady, storageStateFor, text } from './fixtures';

interface CheckFile {
	questions: {
		id: string;
		kind: 'single' | 'multiple';
		prompt: string;
		options: { id: string; text: string; correct: boolean; feedback: string }[];
	}[];
}

// The test reads the key from disk, as only the server can; the browser never sees it.
const readCheck = (slug: string): CheckFile => JSON.parse(readFileSync(`content/modules/${slug}/check.json`, 'utf8'));
const lessonsOf = (slug: string) =>
	readdirSync(`content/modules/${slug}`)
		.filter((f) => /^\d\d-.*\.md$/.test(f))
		.sort()
		.map((f) => f.replace(/\.md$/, ''));

/** Answers the questions drawn for this attempt (found by their prompts) and submits; returns them. */
async function answer(page: Page, check: CheckFile, pick: 'right' | 'wrong') {
	const drawn: CheckFile['questions'] = [];
	for (const q of check.questions) {
		const group = page.getByRole('group', { name: q.prompt });
		if ((await group.count()) === 0) continue;
		drawn.push(q);
		const options = q.options.filter((o) => (pick === 'right' ? o.correct : !o.correct));
		for (const option of pick === 'right' ? options : options.slice(0, 1)) {
			await group.getByLabel(option.text, { exact: true }).check();
		}
	}
	expect(drawn).toHaveLength(Math.min(8, check.questions.length));
	await page.getByRole('button', { name: 'Submit answers' }).click();
	return drawn;
}

test.describe('a learner', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('takes an assigned module end to end and gets a certificate', async ({ page }) => {
		const slug = 'communicating-across-teams';
		const check = readCheck(slug);

		await page.goto('/');
		const myLearning = page.getByRole('region', { name: 'My learning' });
		await myLearning.getByRole('link', { name: 'Communicating across teams' }).first().click();
		await expect(page).toHaveURL(`/learn/${slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Communicating across teams');

		// Read every lesson in order, marking each complete.
		await page
			.getByRole('link', { name: /Start the first lesson|Continue where you left off|Read the lessons again/ })
			.click();
		await expect(page).toHaveURL(new RegExp(`/learn/${slug}/0\\d-`));
		const lessons = lessonsOf(slug);
		await gotoReady(page, `/learn/${slug}/${lessons[0]}`);
		for (let n = 1; n <= lessons.length; n++) {
			await expect(page.getByText(`Lesson ${n} of ${lessons.length}`)).toBeVisible();
			await expect(page.getByRole('article')).not.toBeEmpty();
			await page
				.getByRole('button', { name: /Mark complete|Next lesson|Go to the (knowledge check|key takeaways)/ })
				.click();
			if (n < lessons.length) await expect(page.getByText(`Lesson ${n + 1} of ${lessons.length}`)).toBeVisible();
		}
		await expect(page).toHaveURL(new RegExp(`/learn/${slug}/(check|certificate|takeaways)`));

		// Fail first: feedback for every question, then retake.
		await gotoReady(page, `/learn/${slug}/check`);
		const first = await answer(page, check, 'wrong');
		await expect(page.getByRole('heading', { name: /Not passed yet/ })).toBeVisible();
		const firstWrong = first[0]!.options.find((o) => !o.correct)!;
		await expect(page.getByText(firstWrong.feedback)).toBeVisible();
		await page.getByRole('link', { name: 'Retake the check' }).click();
		await page.waitForLoadState('networkidle');

		await answer(page, check, 'right');
		await expect(page.getByRole('heading', { name: 'You passed: 100%' })).toBeVisible();
		await expect(page.getByText('so the module is complete')).toBeVisible();

		// Reflect, privately by default.
		await gotoReady(page, `/learn/${slug}/reflect`);
		const reflection = `Promised a supplier a call-back by three and rang at ten to. ${Date.now()}`;
		await page.getByLabel('Your answer').first().fill(reflection);
		await page.getByRole('button', { name: 'Save reflections' }).click();
		await expect(page.getByRole('status')).toHaveText('Your reflections are saved.');
		await expect(page.getByLabel('Your answer').first()).toHaveValue(reflection);
		await expect(page.getByLabel('Share with my manager').first()).not.toBeChecked();

		// The certificate, and its public verification.
		await page.goto(`/learn/${slug}/certificate`);
		const certificate = page.getByRole('article', { name: 'Certificate of completion' });
		await expect(certificate).toContainText('Priya Raman');
		await expect(certificate).toContainText('Communicating across teams');
		const code = (await certificate.locator('strong').textContent())!.trim();
		const anonymous = await page
			.context()
			.browser()!
			.newContext({ storageState: { cookies: [], origins: [] } });
		const verify = await anonymous.newPage();
		await verify.goto(`/verify/${code}`);
		await expect(verify.getByText('This certificate is genuine.')).toBeVisible();
		await expect(verify.getByRole('region', { name: 'Certificate details' })).toContainText('Priya Raman');
		await expect(verify.getByRole('region', { name: 'Certificate details' })).not.toContainText('staff@ripple.test');
		await anonymous.close();
	});

	test('has a certificate that links to its check and carries a QR code of the address', async ({ page }) => {
		await gotoReady(page, '/learn/breaking-down-silos/certificate');
		const certificate = page.getByRole('article', { name: 'Certificate of completion' });
		const code = (await certificate.locator('strong').textContent())!.trim();
		const address = `${new URL(page.url()).origin}/verify/${code}`;
		const link = certificate.getByRole('link', { name: address });
		await expect(link).toHaveAttribute('href', address);
		const qr = certificate.getByRole('img', { name: `QR code for ${address}` });
		await expect(qr).toBeVisible();
		expect(await qr.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
		// A phone pointed at it opens the check: the code as drawn reads back as the address.
		const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
		expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(address);
		// It is on the printed page too.
		await page.emulateMedia({ media: 'print' });
		await expect(qr).toBeVisible();
		await expect(link).toBeVisible();
		await page.emulateMedia({ media: 'screen' });

		await link.click();
		await expect(page.getByText('This certificate is genuine.')).toBeVisible();
	});

	test('keeps an over-long reflection as typed and says what to fix', async ({ page }) => {
		await gotoReady(page, '/learn/giving-and-receiving-feedback/reflect');
		const long = 'word '.repeat(900);
		await page.getByLabel('Your answer').first().fill(long);
		await page.getByRole('button', { name: 'Save reflections' }).click();
		await expect(page.getByRole('alert')).toContainText('Nothing was saved yet');
		await expect(page.getByText(/Keep this under 4,000 characters/)).toBeVisible();
		await expect(page.getByLabel('Your answer').first()).toHaveValue(long);
	});

	test('never receives the answer key before submitting', async ({ page }) => {
		const slug = 'beyond-slas';
		const check = readCheck(slug);
		const html = await (await page.request.get(`/learn/${slug}/check`)).text();
		const data = await (await page.request.get(`/learn/${slug}/check/__data.json`)).text();
		// The eight drawn questions are on the page; which eight, the server decided.
		const text = html.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
		expect(check.questions.filter((q) => text.includes(q.prompt.slice(0, 40)))).toHaveLength(8);
		for (const body of [html, data]) {
			expect(body).not.toContain('"correct"');
			expect(body).not.toContain('correct:');
			for (const q of check.questions) for (const o of q.options) expect(body).not.toContain(o.feedback);
		}
		// Nor in any script the browser can download.
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (path.endsWith('.js')) files.push(path);
			}
		};
		walk('build/client');
		expect(files.length).toBeGreaterThan(0);
		const feedback = check.questions[0]!.options[0]!.feedback;
		expect(files.filter((f) => readFileSync(f, 'utf8').includes(feedback))).toEqual([]);
	});

	test('filters the catalogue', async ({ page }) => {
		await gotoReady(page, '/learn');
		await page.getByLabel('For').selectOption({ label: 'Managers and leaders' });
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/audience=managers/);
		await expect(page.getByRole('link', { name: 'Leading service excellence' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Communicating across teams' })).toHaveCount(0);
	});

	for (const path of [
		'/learn',
		'/learn/why-internal-service-matters',
		'/learn/why-internal-service-matters/01-who-your-internal-customers-are',
		'/learn/why-internal-service-matters/check',
		'/learn/why-internal-service-matters/reflect',
		'/learn/paths/back-office-foundations',
		'/learn/breaking-down-silos/certificate'
	]) {
		test(`${path} passes axe`, async ({ page }) => {
			const response = await gotoReady(page, path);
			expect(response?.status()).toBe(200);
			await expectNoAxeViolations(page);
		});
	}

	test('cannot open team learning, assign, or export', async ({ page, server }) => {
		const response = await page.goto('/learn/team');
		expect(response?.status()).toBe(403);
		const assign = await page.request.post('/learn/team?/assign', {
			form: { item: 'module:beyond-slas', target: 'team', team_id: 'anything', due_on: '2030-01-01', message: '' },
			headers: { origin: server.origin },
			maxRedirects: 0
		});
		expect(assign.status()).toBe(403);
		const csv = await page.request.get('/learn/team/export.csv?team=anything');
		expect(csv.status()).toBe(404);
	});
});

test.describe('a manager', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('assigns a module to the whole team and sees the matrix change', async ({ page }) => {
		await gotoReady(page, '/learn/team?module=understanding-your-internal-customer');
		const matrix = page.getByRole('table', { name: /Learning in Accounts Payable/ });
		const priya = matrix.getByRole('row', { name: /Priya Raman/ });
		await expect(priya).toBeVisible();

		await page.getByLabel('Module or path').selectOption({ label: 'Understanding your internal customer' });
		await page.getByLabel('The whole team, including people who join later').check();
		const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel('Due date').fill(due);
		await page.getByLabel('Message (optional)').fill('Before the supplier day in December.');
		await page.getByRole('button', { name: 'Assign', exact: true }).click();

		await expect(page.getByRole('status')).toContainText(
			'Assigned Understanding your internal customer to the whole of Accounts Payable'
		);
		// Dates read as on Home ("7 Dec 2026"), not as stored.
		const dueText = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
			new Date(`${due}T12:00:00Z`)
		);
		await expect(priya.getByText(`Due ${dueText}`)).toBeVisible();
		const assignments = page.getByRole('region', { name: 'Current assignments' });
		await expect(assignments).toContainText('Understanding your internal customer');
		await expect(assignments).toContainText(`due ${dueText}`);
		await expect(page.getByRole('main')).not.toContainText(due);

		const csv = await page.request.get((await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toContain('Priya Raman,Accounts Payable,Understanding your internal customer');

		// Withdrawn again, so the test can run again on the same database.
		await page.getByRole('button', { name: 'Withdraw Understanding your internal customer for Whole team' }).click();
		await expect(page.getByRole('status')).toHaveText('Assignment withdrawn.');
	});

	test('assigning what someone already has gives no second one, and the form starts fresh', async ({ page }) => {
		const title = 'Beyond SLAs: experience that counts';
		const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
		const assign = async (people: string[], due: string) => {
			await page.getByLabel('Module or path').selectOption({ label: title });
			await page.getByLabel('Chosen people').check();
			for (const name of people) await page.getByRole('checkbox', { name, exact: true }).check();
			await page.getByLabel('Due date').fill(due);
			await page.getByRole('button', { name: 'Assign', exact: true }).click();
		};
		// The notice of what happened (the people chooser has a status line of its own).
		const status = page.getByRole('status').filter({ hasText: title });
		const current = page.getByRole('region', { name: 'Current assignments' });
		const withdrawFor = (name: string) => current.getByRole('button', { name: `Withdraw ${title} for ${name}` });

		await gotoReady(page, '/learn/team');
		await assign(['Emma Clarke'], day(30));
		await expect(status).toContainText(`Assigned ${title} to Emma Clarke`);
		// A form that succeeded starts fresh, so the next Assign cannot repeat this one by accident.
		await expect(page.getByLabel('Module or path')).toHaveValue('');
		await expect(page.getByLabel('The whole team, including people who join later')).toBeChecked();

		await assign(['Emma Clarke', 'Vikram Iyer'], day(30));
		await expect(status).toContainText(`Assigned ${title} to Vikram Iyer`);
		await expect(status).toContainText(`Nothing changed for Emma Clarke: ${title} was already assigned`);
		await expect(withdrawFor('Emma Clarke')).toHaveCount(1);

		await assign(['Emma Clarke'], day(37));
		await expect(status).toContainText(`Emma Clarke already had ${title}: its due date moved`);
		await expect(withdrawFor('Emma Clarke')).toHaveCount(1);

		// Leave the team as it was, so the test can run again on the same database.
		for (const name of ['Emma Clarke', 'Vikram Iyer']) {
			await withdrawFor(name).click();
			await expect(page.getByRole('status')).toHaveText('Assignment withdrawn.');
		}
		await expect(withdrawFor('Emma Clarke')).toHaveCount(0);
	});

	test('rejects a due date in the past next to the field', async ({ page }) => {
		await gotoReady(page, '/learn/team');
		await page.getByLabel('Module or path').selectOption({ label: 'Beyond SLAs: experience that counts' });
		await page.getByLabel('Due date').evaluate((input: HTMLInputElement) => input.removeAttribute('min'));
		await page.getByLabel('Due date').fill('2020-01-01');
		await page.getByLabel('Message (optional)').fill('Kept after the error');
		await page.getByRole('button', { name: 'Assign', exact: true }).click();
		await expect(page.getByText('Choose today or a later date')).toBeVisible();
		await expect(page.getByLabel('Message (optional)')).toHaveValue('Kept after the error');
	});

	test('sees a team member’s learning and only the reflections shared with them', async ({ page }) => {
		await gotoReady(page, '/learn/team');
		await page
			.getByRole('table', { name: /Learning in Accounts Payable/ })
			.getByRole('link', { name: 'Priya Raman' })
			.click();
		const learning = page.getByRole('region', { name: 'Learning' });
		await expect(learning).toContainText('Breaking down silos');
		await expect(learning.getByRole('blockquote').first()).toContainText('Shadowing the Customer Care team');
		await expect(learning).not.toContainText('Promised a supplier a call-back');
	});

	test('team learning passes axe', async ({ page }) => {
		await gotoReady(page, '/learn/team');
		await expectNoAxeViolations(page);
	});

	test('reads every module’s full name in the matrix', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await gotoReady(page, '/learn/team');
		const matrix = page.getByRole('table', { name: /Learning in Accounts Payable/ });
		const titles = await page.getByLabel('Module', { exact: true }).locator('option:not([value=""])').allTextContents();
		expect(titles).toContain('Giving and receiving feedback');
		for (const title of titles) {
			const header = matrix.getByRole('columnheader', { name: title, exact: true });
			await expect(header).toHaveText(title);
			// Wrapped, not cut off: nothing overflows the header's box.
			expect(await header.evaluate((th) => th.scrollWidth <= th.clientWidth), title).toBe(true);
		}
	});

	test('chooses people by name, all shown at once, and keeps the choice while filtering', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await gotoReady(page, '/learn/team');
		const assign = page.getByRole('region', { name: 'Assign learning' });
		await assign.getByLabel('Chosen people').check();
		const people = assign.getByRole('group', { name: 'People' });
		const boxes = people.getByRole('checkbox');
		const total = await boxes.count();
		expect(total).toBeGreaterThanOrEqual(8);
		// Every person can be reached: the last one is in view once scrolled to, and the count says how many there are.
		await boxes.last().scrollIntoViewIfNeeded();
		await expect(boxes.last()).toBeInViewport();
		const count = people.getByRole('status');
		await expect(count).toHaveText(`0 of ${total} chosen`);

		// Filter by name; Enter in the filter does not send the form.
		const filter = people.getByRole('searchbox', { name: 'Find people by name' });
		await filter.fill('priya');
		await filter.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: 'Assigned.' })).toHaveCount(0);
		await expect(boxes.filter({ visible: true })).toHaveCount(1);
		await expect(people.getByRole('checkbox', { name: 'Priya Raman' })).toBeVisible();
		await people.getByRole('button', { name: 'Select all shown' }).click();
		await expect(count).toHaveText(`1 of ${total} chosen · 1 shown`);

		// A second filter adds to the choice; the people filtered out stay chosen and are sent.
		await filter.fill('a');
		const shown = await boxes.filter({ visible: true }).count();
		await people.getByRole('button', { name: 'Select all shown' }).click();
		await expect(count).toHaveText(`${shown} of ${total} chosen · ${shown} shown`);
		await filter.fill('zzz-nobody');
		await expect(people.getByText('Nobody’s name contains “zzz-nobody”.')).toBeVisible();
		const sent = await assign
			.locator('form')
			.evaluate((form: HTMLFormElement) => new FormData(form).getAll('person_ids').length);
		expect(sent).toBe(shown);
		await expectNoAxeViolations(page);

		// Clear acts on the people shown only.
		await filter.fill('priya');
		await people.getByRole('button', { name: 'Clear all shown' }).click();
		await expect(count).toHaveText(`${shown - 1} of ${total} chosen · 1 shown`);
		await filter.fill('');
		await expect(boxes).toHaveCount(total);
		await expect(people.getByRole('checkbox', { name: 'Priya Raman' })).not.toBeChecked();

		// Keyboard: from the filter, Tab reaches the buttons and then the people.
		await filter.focus();
		await page.keyboard.press('Tab');
		await expect(people.getByRole('button', { name: 'Select all shown' })).toBeFocused();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(boxes.first()).toBeFocused();
		const wasChecked = await boxes.first().isChecked();
		await page.keyboard.press('Space');
		await expect(boxes.first()).toBeChecked({ checked: !wasChecked });
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('lists every person to choose from', async ({ page }) => {
			await page.goto('/learn/team');
			const people = page.getByRole('region', { name: 'Assign learning' }).getByRole('group', { name: 'People' });
			await expect(people.getByRole('checkbox', { name: 'Priya Raman' })).toBeVisible();
			await expect(people.getByRole('searchbox')).toHaveCount(0);
			await expect(people.getByRole('button')).toHaveCount(0);
		});
	});
});

test.describe('a leader', () => {
	test.use({ storageState: storageStateFor('leader') });

	test('sees completion rolled up for their unit', async ({ page }) => {
		await gotoReady(page, '/learn/team');
		// In her own language: the demo leader works in Dutch.
		const rollup = page.getByRole('region', { name: text(demoLocales.leader, 'learn_team_rollup_heading') });
		await expect(rollup.getByRole('row', { name: /^Accounts Payable(?! Asia)/ })).toBeVisible();
		await expect(rollup.getByRole('row', { name: /Payroll/ })).toHaveCount(0);
		await expectNoAxeViolations(page);
	});
});
