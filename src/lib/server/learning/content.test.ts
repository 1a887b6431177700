import { describe, expect, it } from 'vitest';
import { courseContent } from './content';
import { defaultFramework } from '../db/migrations/default-framework';

// The course content is part of the product: these checks keep every module a complete course.
const lessonSources = import.meta.glob<string>('/content/modules/*/[0-9][0-9]-*.md', {
	query: '?raw',
	import: 'default',
	eager: true
});

/** Words of prose a learner reads: frontmatter, scripts and component markup left out. */
export function proseWords(source: string): number {
	const prose = source
		.replace(/^---[\s\S]*?\n---/, ' ')
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<Scenario[\s\S]*?\/>/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/[#*_>`|-]/g, ' ');
	return prose.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
}

const { modules, paths } = courseContent();
const behaviours = defaultFramework.flatMap((v) => v.behaviours);

describe('course content', () => {
	it('has the eight service-excellence modules and at least three paths', () => {
		expect(modules.length).toBeGreaterThanOrEqual(8);
		expect(paths.map((p) => p.slug)).toEqual(
			expect.arrayContaining(['back-office-foundations', 'customer-facing-foundations', 'leading-service'])
		);
	});

	it('builds paths only from modules that exist', () => {
		const slugs = new Set(modules.map((m) => m.slug));
		for (const path of paths)
			expect(
				path.modules.filter((m) => !slugs.has(m)),
				path.slug
			).toEqual([]);
	});

	for (const mod of modules) {
		describe(mod.slug, () => {
			const sources = Object.entries(lessonSources)
				.filter(([file]) => file.startsWith(`/content/modules/${mod.slug}/`))
				.map(([, text]) => text);

			it('has three to six lessons with at least 1,500 words of prose', () => {
				expect(mod.lessons.length).toBeGreaterThanOrEqual(3);
				expect(mod.lessons.length).toBeLessThanOrEqual(6);
				expect(sources.reduce((n, s) => n + proseWords(s), 0)).toBeGreaterThanOrEqual(1500);
			});

			it('has a branching scenario', () => {
				expect(sources.some((s) => s.includes('<Scenario'))).toBe(true);
			});

			it('names only known behaviours', () => {
				const known = new Set(behaviours.map((b) => b.slug));
				expect(mod.behaviours.filter((b) => !known.has(b))).toEqual([]);
			});

			it('has a knowledge check of six or more questions with feedback on every option', () => {
				expect(mod.check.questions.length).toBeGreaterThanOrEqual(6);
				for (const q of mod.check.questions) for (const o of q.options) expect(o.feedback.length).toBeGreaterThan(10);
			});

			it('has two or more reflection prompts and a practice activity', () => {
				expect(mod.reflections.length).toBeGreaterThanOrEqual(2);
				expect(mod.practice.title.length).toBeGreaterThan(0);
			});
		});
	}
});
