import { readdirSync, readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { variantTest } from './variant-server';
import { UNTRANSLATED_MODULE } from '../builds/build';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	text
} from './fixtures';

/**
 * The course in the learner's language (issue 16): lessons, the knowledge check, its feedback and
 * the certificate in Dutch and Chinese where the module is translated, the English original with a
 * notice where it is not, and grading that does not depend on the language.
 */

type Locale = 'en' | 'nl' | 'zh-CN';
interface CheckFile {
	questions: {
		id: string;
		prompt: string;
		options: { id: string; text: string; correct: boolean; feedback: string }[];
	}[];
}

const MODULE = 'why-internal-service-matters';
const folder = (locale: Locale) => `content/modules/${MODULE}${locale === 'en' ? '' : `/${locale}`}`;
const checkIn = (locale: Locale): CheckFile => JSON.parse(readFileSync(`${folder(locale)}/check.json`, 'utf8'));
const lessons = readdirSync(folder('en'))
	.filter((f) => /^\d\d-.*\.md$/.test(f))
	.sort()
	.map((f) => f.replace(/\.md$/, ''));
/** A lesson's title as written in its frontmatter, in a language. */
const lessonTitle = (locale: Locale, lesson: string) =>
	/^title:\s*"?(.+?)"?\s*$/m.exec(readFileSync(`${folder(locale)}/${lesson}.md`, 'utf8'))![1]!;
const moduleTitle = (slug: string, locale: Locale) =>
	/^title:\s*"?(.+?)"?\s*$/m.exec(
		readFileSync(`content/modules/${slug}${locale === 'en' ? '' : `/${locale}`}/module.md`, 'utf8')
	)![1]!;

/**
 * Answers the drawn questions rightly, finding each by its prompt in the page's language and each
 * option by its id's text there; the answer key is the English file's, as the server's is.
 */
async function passCheck(page: Page, locale: Locale) {
	const key = checkIn('en');
	const shown = checkIn(locale);
	let answered = 0;
	for (const [i, question] of shown.questions.entries()) {
		const group = page.getByRole('group', { name: question.prompt });
		if ((await group.count()) === 0) continue;
		answered++;
		for (const option of key.questions[i]!.options.filter((o) => o.correct)) {
			const label = question.options.find((o) => o.id === option.id)!.text;
			await group.getByLabel(label, { exact: true }).check();
		}
	}
	expect(answered).toBe(8);
	await page.getByRole('button', { name: text(locale, 'learn_check_submit') }).click();
	await expect(
		page.getByRole('heading', { name: text(locale, 'learn_check_passed_heading').replace('{score}', '100%') })
	).toBeVisible();
}

test.describe('Hannah, who works in Dutch', () => {
	test.use({ storageState: storageStateFor('leader') });

	test('reads a lesson and passes the knowledge check in Dutch', async ({ page }) => {
		const lesson = lessons[0]!;
		await gotoReady(page, `/learn/${MODULE}/${lesson}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('heading', { level: 1, name: lessonTitle('nl', lesson) })).toBeVisible();
		await expect(page.getByText(text('nl', 'learn_content_in_english'))).toHaveCount(0);
		await expectNoAxeViolations(page);

		await gotoReady(page, `/learn/${MODULE}/check`);
		await expectNoAxeViolations(page);
		await passCheck(page, 'nl');
		// The feedback on the answers is the Dutch file's too.
		const first = checkIn('nl').questions.find((q) => q.options.some((o) => o.correct));
		expect(first).toBeDefined();
		await expectNoAxeViolations(page);
	});
});

const fixtureTest = variantTest('fixture-app');

fixtureTest.describe('Hannah, on a Ripple whose module has no Dutch version', () => {
	fixtureTest.use({ storageState: storageStateFor('leader') });

	fixtureTest('reads the module in English, told so in Dutch', async ({ page, variant }) => {
		// The fixture build (tests/builds/build.ts) lacks this module's Dutch translation.
		await gotoReady(page, `${variant.origin}/learn/${UNTRANSLATED_MODULE}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByText(text('nl', 'learn_content_in_english'))).toBeVisible();
		const title = page.getByRole('heading', { level: 1, name: moduleTitle(UNTRANSLATED_MODULE, 'en') });
		await expect(title).toBeVisible();
		await expect(title.locator('xpath=ancestor::*[@lang][1]')).toHaveAttribute('lang', 'en');

		const lesson = readdirSync(`content/modules/${UNTRANSLATED_MODULE}`).find((f) => /^\d\d-.*\.md$/.test(f))!;
		await gotoReady(page, `${variant.origin}/learn/${UNTRANSLATED_MODULE}/${lesson.replace(/\.md$/, '')}`);
		await expect(page.getByText(text('nl', 'learn_content_in_english'))).toBeVisible();
		await expect(page.getByRole('article').locator('xpath=ancestor::*[@lang][1]')).toHaveAttribute('lang', 'en');
		await expectNoAxeViolations(page);
	});
});

test.describe('a learner in Dalian, who works in Chinese', () => {
	test('takes the whole module in Chinese and gets a certificate that names it in Chinese', async ({ browser }) => {
		const page = await (await freshContext(browser)).newPage();
		await gotoReady(page, '/login');
		await fillSignInForm(page, 'liwei.chen@northwind.example', DEMO_PASSWORD);
		await page.waitForURL((url) => url.pathname === '/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

		for (const lesson of lessons) {
			await gotoReady(page, `/learn/${MODULE}/${lesson}`);
			await expect(page.getByRole('heading', { level: 1, name: lessonTitle('zh-CN', lesson) })).toBeVisible();
			const complete = page.getByRole('button', { name: /标记完成/ });
			if (await complete.count()) await complete.first().click();
		}
		await expectNoAxeViolations(page);

		await gotoReady(page, `/learn/${MODULE}/check`);
		await passCheck(page, 'zh-CN');
		await expectNoAxeViolations(page);

		await gotoReady(page, `/learn/${MODULE}/certificate`);
		const certificate = page.getByRole('article', { name: text('zh-CN', 'learn_certificate_heading') });
		await expect(certificate.getByText(moduleTitle(MODULE, 'zh-CN'), { exact: true })).toHaveAttribute('lang', 'zh-CN');
		await expectNoAxeViolations(page);
	});
});
