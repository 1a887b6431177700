import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../i18n/locales';
import { auditActionLabel } from './action-labels';
import { auditActions } from './log';

describe('audit action labels', () => {
	it.each(supportedLocales)('give every action its own label in %s, never its code', (locale) => {
		const labels = auditActions.map((action) => auditActionLabel(action, locale));
		for (const [i, label] of labels.entries()) {
			expect(label, auditActions[i]).toMatch(/\S/);
			expect(label, auditActions[i]).not.toBe(auditActions[i]);
			expect(label, auditActions[i]).not.toMatch(/[a-z]+[._][a-z]/);
		}
		expect(new Set(labels).size).toBe(auditActions.length);
	});

	it('words an action in the language asked for', () => {
		expect(auditActionLabel('team.updated', 'en')).toBe('Team changed');
		expect(auditActionLabel('team.updated', 'nl')).toBe('Team gewijzigd');
		expect(auditActionLabel('team.updated', 'zh-CN')).toBe('团队已修改');
	});
});
