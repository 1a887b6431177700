import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeCheck, Scenario } from '../../learning/schemas';
import { checkDifference, olderVersion, scenarioDifference } from './translation';
import { staleTranslations } from './translation-report';

const check: KnowledgeCheck = {
	questions: [
		{
			id: 'late-accrual',
			objective: 'expectations',
			kind: 'single',
			prompt: 'The accrual arrives late. What do you say?',
			options: [
				{ id: 'a', text: 'Nothing', correct: false, feedback: 'Silence leaves them guessing.' },
				{ id: 'b', text: 'When it will be ready', correct: true, feedback: 'A date they can plan around.' }
			]
		}
	]
};
const scenario: Scenario = {
	title: 'The late accrual',
	situation: 'A director asks where her accrual is.',
	choices: [
		{ label: 'Explain', outcome: 'strong', consequence: 'She plans around the new date.' },
		{
			label: 'Wait',
			outcome: 'weak',
			consequence: 'She chases again.',
			next: {
				situation: 'She escalates.',
				choices: [
					{ label: 'Call her', outcome: 'strong', consequence: 'The call settles it.' },
					{ label: 'Email', outcome: 'mixed', consequence: 'It helps a little.' }
				]
			}
		}
	]
};

/** A deep copy with every text replaced, as a translation would be. */
const translated = <T>(value: T, texts: string[]): T =>
	JSON.parse(JSON.stringify(value, (key, v) => (texts.includes(key) && typeof v === 'string' ? `[nl] ${v}` : v))) as T;

describe('a translation of a module', () => {
	it('may differ from the original in its texts only', () => {
		expect(checkDifference(check, translated(check, ['prompt', 'text', 'feedback']))).toBeNull();
		expect(
			scenarioDifference(scenario, translated(scenario, ['title', 'situation', 'label', 'consequence']))
		).toBeNull();
	});

	it('is refused when an answer key, an option, a question or a branch differs', () => {
		const keyMoved = translated(check, ['prompt']);
		keyMoved.questions[0]!.options[0]!.correct = true;
		keyMoved.questions[0]!.options[1]!.correct = false;
		expect(checkDifference(check, keyMoved)).toBe(
			'question 1 (late-accrual) differs from the original in more than its text'
		);
		expect(checkDifference(check, { questions: [] })).toBe('has 0 questions where the original has 1');

		const branchCut = translated(scenario, ['label']);
		delete branchCut.choices[1]!.next;
		expect(scenarioDifference(scenario, branchCut)).toMatch(/branches differ/);
		const outcomeChanged = translated(scenario, ['label']);
		outcomeChanged.choices[0]!.outcome = 'mixed';
		expect(scenarioDifference(scenario, outcomeChanged)).not.toBeNull();
	});

	it('compares versions as numbers, not text', () => {
		expect(olderVersion('1.9.0', '1.10.0')).toBe(true);
		expect(olderVersion('2.0.0', '2.0.0')).toBe(false);
		expect(olderVersion('2.1.0', '2.0.3')).toBe(false);
		expect(olderVersion('2.0.3', '3.0.0')).toBe(true);
	});

	it('is listed when it follows an older version of its module than the current one', () => {
		const root = mkdtempSync(join(tmpdir(), 'ripple-content-'));
		const write = (path: string, text: string) => {
			mkdirSync(join(root, path, '..'), { recursive: true });
			writeFileSync(join(root, path), text);
		};
		write('current/module.md', '---\ntitle: Current\nversion: 2.1.0\n---\n');
		write('current/nl/module.md', '---\nsource_version: 2.1.0\ntitle: Actueel\n---\n');
		write('behind/module.md', '---\ntitle: Behind\nversion: "3.0.0"\n---\n');
		write('behind/zh-CN/module.md', '---\nsource_version: 2.4.1\ntitle: 落后\n---\n');
		write('behind/scenarios/x.json', '{}');
		expect(staleTranslations(root)).toEqual([
			{ module: 'behind', locale: 'zh-CN', sourceVersion: '2.4.1', version: '3.0.0' }
		]);
	});
});
