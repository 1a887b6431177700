import { describe, expect, it } from 'vitest';
import { formerIdentities, refersTo, withoutIdentity, type AuditText, type ErasedIdentity } from './identity';

const hannah: ErasedIdentity = {
	id: 'p-hannah',
	email: 'ager@ripple.test',
	replacements: new Map([
		['Hannah', 'Erased person p-hann'],
		['ager@ripple.test', 'p-hannah@erased.invalid']
	])
};
const deVries = { id: 'p-devries', name: 'Hannah de Vries', email: 'manager@ripple.test' };

function entry(partial: Partial<AuditText>): AuditText {
	return { actor_id: null, object_id: null, summary: '', details: null, ...partial };
}

describe('which entries refer to the person', () => {
	it('are those whose actor or object is them, or whose details hold their id or email', () => {
		expect(refersTo(entry({ actor_id: 'p-hannah' }), hannah)).toBe(true);
		expect(refersTo(entry({ object_id: 'p-hannah' }), hannah)).toBe(true);
		expect(refersTo(entry({ details: JSON.stringify({ people: ['p-x', 'p-hannah'] }) }), hannah)).toBe(true);
		expect(refersTo(entry({ details: JSON.stringify({ email: 'ager@ripple.test' }) }), hannah)).toBe(true);
	});

	it('include those that write their whole email in a line of text', () => {
		expect(refersTo(entry({ summary: 'Sign-in blocked by throttling for ager@ripple.test' }), hannah)).toBe(true);
		expect(
			refersTo(entry({ details: JSON.stringify({ changes: ['manager: ager@ripple.test → none'] }) }), hannah)
		).toBe(true);
	});

	it('are not those that hold their email inside a longer one, or only a name like theirs', () => {
		expect(refersTo(entry({ summary: 'Failed sign-in for manager@ripple.test' }), hannah)).toBe(false);
		expect(refersTo(entry({ summary: 'Failed sign-in for ager@ripple.test.example' }), hannah)).toBe(false);
		expect(refersTo(entry({ details: JSON.stringify({ email: 'manager@ripple.test' }) }), hannah)).toBe(false);
		expect(refersTo(entry({ actor_id: 'p-devries', summary: 'Hannah signed in' }), hannah)).toBe(false);
	});
});

describe('replacing the person’s identity in an entry', () => {
	it('leaves an entry that does not refer to them alone', () => {
		expect(
			withoutIdentity(entry({ actor_id: 'p-devries', summary: 'Hannah de Vries signed in' }), hannah, [deVries])
		).toBeNull();
	});

	it('replaces their name and email where each stands whole', () => {
		expect(withoutIdentity(entry({ actor_id: 'p-hannah', summary: 'Hannah signed in' }), hannah, [])).toEqual({
			summary: 'Erased person p-hann signed in',
			details: null
		});
		expect(
			withoutIdentity(entry({ object_id: 'p-hannah', summary: 'Created Hannah <ager@ripple.test>.' }), hannah, [])
		).toMatchObject({ summary: 'Created Erased person p-hann <p-hannah@erased.invalid>.' });
		expect(
			withoutIdentity(entry({ object_id: 'p-hannah', summary: 'Downloaded Hannah’s data' }), hannah, [])
		).toMatchObject({ summary: 'Downloaded Erased person p-hann’s data' });
	});

	it('keeps a longer name or email of someone else the entry refers to', () => {
		const deactivated = entry({ actor_id: 'p-hannah', object_id: 'p-devries', summary: 'Deactivated Hannah de Vries' });
		expect(withoutIdentity(deactivated, hannah, [deVries])).toBeNull();
		const observed = entry({
			actor_id: 'p-devries',
			summary: 'Recorded a peer observation of Hannah on Owns the outcome; Hannah de Vries wrote it',
			details: JSON.stringify({ person_id: 'p-hannah', author: 'Hannah de Vries' })
		});
		expect(withoutIdentity(observed, hannah, [deVries])).toEqual({
			summary: 'Recorded a peer observation of Erased person p-hann on Owns the outcome; Hannah de Vries wrote it',
			details: JSON.stringify({ person_id: 'p-hannah', author: 'Hannah de Vries' })
		});
	});

	it('keeps a name that another person in the entry has too, since it cannot be told whose it is', () => {
		const namesake = { id: 'p-other', name: 'Hannah', email: 'hannah@ripple.test' };
		const deactivated = entry({ actor_id: 'p-hannah', object_id: 'p-other', summary: 'Deactivated Hannah' });
		expect(withoutIdentity(deactivated, hannah, [namesake])).toBeNull();
	});

	it('does not take a name that is part of a longer word or a double name', () => {
		const text = 'Hannahs, Hannah-Marie and Anne-Hannah met Hannah';
		expect(withoutIdentity(entry({ actor_id: 'p-hannah', summary: text }), hannah, [])?.summary).toBe(
			'Hannahs, Hannah-Marie and Anne-Hannah met Erased person p-hann'
		);
	});

	it('replaces values in details at any depth and keeps ids, keys and other values', () => {
		const details = {
			created: ['ager@ripple.test', 'manager@ripple.test'],
			changed: [{ email: 'manager@ripple.test', changes: ['manager: none → ager@ripple.test'] }],
			manager_id: 'p-hannah',
			count: 2
		};
		const rewritten = withoutIdentity(entry({ actor_id: 'p-admin', details: JSON.stringify(details) }), hannah, [
			deVries
		]);
		expect(JSON.parse(rewritten!.details!)).toEqual({
			created: ['p-hannah@erased.invalid', 'manager@ripple.test'],
			changed: [{ email: 'manager@ripple.test', changes: ['manager: none → p-hannah@erased.invalid'] }],
			manager_id: 'p-hannah',
			count: 2
		});
	});

	it('treats details that are not JSON as text', () => {
		expect(withoutIdentity(entry({ object_id: 'p-hannah', details: 'note about Hannah' }), hannah, [])?.details).toBe(
			'note about Erased person p-hann'
		);
	});
});

describe('former identities', () => {
	it('are the names and emails recorded as changed on the person', () => {
		const updated = (objectId: string, details: object) => ({
			...entry({ object_id: objectId, details: JSON.stringify(details) }),
			action: 'person.updated'
		});
		expect(
			formerIdentities(
				[
					updated('p-hannah', { name: { from: 'Hannah Smith', to: 'Hannah' }, time_zone: { from: 'UTC', to: 'CET' } }),
					updated('p-hannah', { email: { from: 'h.smith@ripple.test', to: 'ager@ripple.test' } }),
					updated('p-devries', { name: { from: 'Hannah Jansen', to: 'Hannah de Vries' } }),
					{ ...entry({ object_id: 'p-hannah', details: JSON.stringify({ name: 'Not a change' }) }), action: 'x' }
				],
				'p-hannah'
			)
		).toEqual({ names: ['Hannah Smith', 'Hannah'], emails: ['h.smith@ripple.test', 'ager@ripple.test'] });
	});
});
