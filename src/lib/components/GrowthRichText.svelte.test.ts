import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import GrowthRichText from './GrowthRichText.svelte';

afterEach(() => cleanup());

describe('GrowthRichText', () => {
	it('puts the link where the English sentence has it', () => {
		const { container } = render(GrowthRichText, {
			parts: m.growth_ratings_empty.parts({}, { locale: 'en' }),
			href: '/observations/new?person=p1'
		});
		expect(container.textContent).toBe(
			'Nobody has observed you yet. Start by rating yourself on a behaviour you want to grow.'
		);
		expect(screen.getByRole('link', { name: 'rating yourself' }).getAttribute('href')).toBe(
			'/observations/new?person=p1'
		);
	});

	it('puts the link where each translation has it', () => {
		const { container } = render(GrowthRichText, {
			parts: m.growth_ratings_empty.parts({}, { locale: 'zh-CN' }),
			href: '/observations/new'
		});
		expect(container.textContent).toBe('还没有人观察过你。可以先挑一项你想提升的行为，进行自评。');
		expect(screen.getByRole('link', { name: '进行自评' })).toBeTruthy();
		cleanup();
		render(GrowthRichText, { parts: m.growth_ratings_empty.parts({}, { locale: 'nl' }), href: '/x' });
		expect(screen.getByRole('link', { name: 'jezelf te beoordelen' })).toBeTruthy();
	});

	it('reads as plain text without a link to go to, and marks code and dates', () => {
		const { container } = render(GrowthRichText, {
			parts: m.growth_card_heading_with_person.parts({ name: 'Priya Raman', behaviour: 'Takes ownership' })
		});
		expect(container.textContent).toBe('Priya Raman: Takes ownership');
		expect(container.querySelector('a')).toBeNull();
		cleanup();
		const note = render(GrowthRichText, { parts: m.growth_key_note.parts({}, { locale: 'nl' }) });
		expect(note.container.querySelector('code')?.textContent).toBe('behaviours');
		cleanup();
		const seen = render(GrowthRichText, {
			parts: m.growth_seen_on.parts({ date: '22 Nov 2026' }),
			datetime: '2026-11-22'
		});
		expect(seen.container.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-22');
		expect(seen.container.textContent).toBe('seen 22 Nov 2026');
	});
});
