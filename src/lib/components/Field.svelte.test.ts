import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FieldHarness from './__tests__/FieldHarness.svelte';

afterEach(() => cleanup());

function describedByTexts(control: HTMLElement): string[] {
	const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
	return ids.map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`);
}

describe('Field', () => {
	it('labels its control', () => {
		render(FieldHarness, { id: 'email', label: 'Email address' });
		const input = screen.getByLabelText('Email address');
		expect(input.tagName).toBe('INPUT');
		expect(input.id).toBe('email');
		expect(input.getAttribute('name')).toBe('email');
	});

	it('marks nothing invalid and describes nothing without an error or hint', () => {
		render(FieldHarness, { id: 'email', label: 'Email address' });
		const input = screen.getByLabelText('Email address');
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		expect(input.hasAttribute('aria-describedby')).toBe(false);
		expect(document.querySelector('.error')).toBeNull();
	});

	it('treats a null error as no error', () => {
		render(FieldHarness, { id: 'email', label: 'Email address', error: null });
		const input = screen.getByLabelText('Email address');
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		expect(input.hasAttribute('aria-describedby')).toBe(false);
	});

	it('shows the error, links it with aria-describedby and marks the control invalid', () => {
		render(FieldHarness, { id: 'email', label: 'Email address', error: 'Enter a valid email address' });
		const input = screen.getByLabelText('Email address');
		expect(screen.getByText('Enter a valid email address')).toBeTruthy();
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.getAttribute('aria-describedby')).toBe('email-error');
		expect(describedByTexts(input)).toEqual(['Enter a valid email address']);
	});

	it('links a hint, and both hint and error when there are both', () => {
		const { rerender } = render(FieldHarness, { id: 'email', label: 'Email address', hint: 'They sign in with this.' });
		const input = screen.getByLabelText('Email address');
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		expect(describedByTexts(input)).toEqual(['They sign in with this.']);

		rerender({
			id: 'email',
			label: 'Email address',
			hint: 'They sign in with this.',
			error: 'Someone already has this email'
		});
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.getAttribute('aria-describedby')).toBe('email-hint email-error');
		expect(describedByTexts(input)).toEqual(['They sign in with this.', 'Someone already has this email']);
	});

	it('clears the invalid state when the error goes away', () => {
		const { rerender } = render(FieldHarness, { id: 'name', label: 'Full name', error: 'Enter a name' });
		const input = screen.getByLabelText('Full name');
		expect(input.getAttribute('aria-invalid')).toBe('true');

		rerender({ id: 'name', label: 'Full name', error: undefined });
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		expect(input.hasAttribute('aria-describedby')).toBe(false);
		expect(screen.queryByText('Enter a name')).toBeNull();
	});
});
