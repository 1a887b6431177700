import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'ripple-demo-2026';
export const roles = ['staff', 'manager', 'leader', 'admin'] as const;
export type DemoRole = (typeof roles)[number];

export function storageStateFor(role: DemoRole): string {
	return `tests/.auth/${role}.json`;
}

/** Fails with the list of violations when axe finds any WCAG 2.x A/AA problem on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** A unique suffix so tests that create data never collide, in parallel or on retry. */
export function unique(): string {
	return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Demo people by role, as listed on the sign-in page (src/lib/server/demo/data.ts). */
export const demoNames: Record<DemoRole, string> = {
	staff: 'Priya Raman',
	manager: 'Tomasz Nowak',
	leader: 'Hannah de Vries',
	admin: 'Amara Nwosu'
};

/** The language each demo role uses Ripple in (the demo leader, Hannah, works in Dutch). */
export const demoLocales: Record<DemoRole, 'en' | 'nl' | 'zh-CN'> = {
	staff: 'en',
	manager: 'en',
	leader: 'nl',
	admin: 'en'
};

const catalogues = new Map<string, Record<string, string>>();

/** A message as a person in `locale` reads it, from the catalogue (messages/<area>/<locale>.json). */
export function text(locale: 'en' | 'nl' | 'zh-CN', key: string): string {
	if (!catalogues.has(locale)) {
		const messages: Record<string, string> = {};
		for (const area of readdirSync('messages'))
			Object.assign(messages, JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8')));
		catalogues.set(locale, messages);
	}
	const message = catalogues.get(locale)![key];
	if (typeof message !== 'string') throw new Error(`No message ${key} in ${locale}`);
	return message;
}

/** A password that passes the 12-character minimum, for people the tests create. */
export const NEW_PASSWORD = 'a long enough test sentence';

/**
 * Waits until the page's scripts have loaded and SvelteKit has hydrated it, so that clicks reach
 * enhanced forms (`use:enhance`) rather than racing the client's start-up. Resolves at once when
 * the current document is already idle.
 */
export async function waitForHydration(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** `page.goto` that returns once the page is hydrated and ready for typing. */
export async function gotoReady(page: Page, url: string) {
	const response = await page.goto(url);
	await waitForHydration(page);
	return response;
}

/** Signs in through the real form on whatever /login page is open (keeps any redirectTo). */
export async function fillSignInForm(page: Page, email: string, password: string): Promise<void> {
	await waitForHydration(page);
	await page.getByLabel('Email', { exact: true }).fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A browser context with no cookies at all, whatever the describe block's storage state is:
 * accepting an invite signs out the browser's previous session, which must never be a shared demo one.
 */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ storageState: { cookies: [], origins: [] } });
}

export interface CreatedPerson {
	id: string;
	name: string;
	email: string;
	inviteUrl: string;
}

/** Adds a person through /admin/people/new (the page must be signed in as admin) and reads the one-time link. */
export async function createPersonAsAdmin(
	page: Page,
	options: { name?: string; email?: string; jobTitle?: string; team?: string } = {}
): Promise<CreatedPerson> {
	const id = unique();
	const name = options.name ?? `Test Person ${id}`;
	const email = options.email ?? `person.${id}@e2e.example`;
	await gotoReady(page, '/admin/people/new');
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Email', { exact: true }).fill(email);
	if (options.jobTitle) await page.getByLabel('Job title').fill(options.jobTitle);
	if (options.team) await page.getByLabel('Team', { exact: true }).selectOption({ label: options.team });
	await page.getByRole('button', { name: 'Add person and create invite link' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${name} is in Ripple` })).toBeVisible();
	const inviteUrl = await page.getByLabel(`Set-password link for ${name}`).inputValue();
	expect(inviteUrl).toMatch(/\/invite\/[^/]+$/);
	const recordHref = await page.getByRole('link', { name: 'Open their record' }).getAttribute('href');
	const personId = recordHref?.split('/').pop();
	expect(personId).toBeTruthy();
	return { id: personId!, name, email, inviteUrl };
}

/** Opens an invite link, sets a password and waits for the signed-in home page. */
export async function acceptInvite(
	page: Page,
	person: { name: string; inviteUrl: string },
	password = NEW_PASSWORD
): Promise<void> {
	await gotoReady(page, person.inviteUrl);
	await expect(page.getByRole('heading', { level: 1, name: `Welcome to Ripple, ${person.name}` })).toBeVisible();
	await page.getByLabel('New password').fill(password);
	await page.getByLabel('Repeat the password').fill(password);
	await page.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(page).toHaveURL(/\/\?welcome=1$/);
	await expect(page.getByRole('heading', { level: 1, name: `Hello, ${person.name}` })).toBeVisible();
}
