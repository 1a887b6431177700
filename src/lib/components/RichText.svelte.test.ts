import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import RichTextHarness from './__tests__/RichTextHarness.svelte';

afterEach(() => cleanup());

describe('RichText', () => {
	it('puts the link where the English sentence has it', () => {
		const { container } = render(RichTextHarness, {
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
		const { container } = render(RichTextHarness, {
			parts: m.growth_ratings_empty.parts({}, { locale: 'zh-CN' }),
			href: '/observations/new'
		});
		expect(container.textContent).toBe('还没有人观察过你。可以先挑一项你想提升的行为，进行自评。');
		expect(screen.getByRole('link', { name: '进行自评' })).toBeTruthy();
		cleanup();
		render(RichTextHarness, { parts: m.growth_ratings_empty.parts({}, { locale: 'nl' }), href: '/x' });
		expect(screen.getByRole('link', { name: 'jezelf te beoordelen' })).toBeTruthy();
	});

	it('reads a tag without a snippet as plain text, and marks code and dates', () => {
		const { container } = render(RichTextHarness, {
			parts: m.growth_card_heading_with_person.parts({ name: 'Priya Raman', behaviour: 'Takes ownership' })
		});
		expect(container.textContent).toBe('Priya Raman: Takes ownership');
		expect(container.querySelector('a')).toBeNull();
		cleanup();
		const unlinked = render(RichTextHarness, { parts: m.growth_ratings_empty.parts({}, { locale: 'en' }) });
		expect(unlinked.container.textContent).toBe(
			'Nobody has observed you yet. Start by rating yourself on a behaviour you want to grow.'
		);
		expect(unlinked.container.querySelector('a')).toBeNull();
		cleanup();
		const note = render(RichTextHarness, { parts: m.growth_key_note.parts({}, { locale: 'nl' }) });
		expect(note.container.querySelector('code')?.textContent).toBe('behaviours');
		cleanup();
		const seen = render(RichTextHarness, {
			parts: m.growth_seen_on.parts({ date: '22 Nov 2026' }),
			datetime: '2026-11-22'
		});
		expect(seen.container.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-22');
		expect(seen.container.textContent).toBe('seen 22 Nov 2026');
	});
});
