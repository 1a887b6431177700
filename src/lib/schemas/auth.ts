import { z } from 'zod';
import { m } from '../paraglide/messages';
import { emailField, timeZoneField } from './people';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// Messages are functions, read when a form is checked: in the language of that request.
export const loginSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1, { error: () => m.login_email_required() })
		.max(254, { error: () => m.login_email_too_long() }),
	password: z
		.string()
		.min(1, { error: () => m.login_password_required() })
		.max(PASSWORD_MAX_LENGTH, { error: () => m.login_password_too_long() })
});

const newPassword = z
	.string()
	.min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
	.max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const setPasswordSchema = z
	.object({ password: newPassword, confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match' });

export const changePasswordSchema = z
	.object({
		current: z.string().min(1, 'Enter your current password'),
		password: newPassword,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match' })
	.refine((v) => v.password !== v.current, {
		path: ['password'],
		message: 'Choose a password different from your current one'
	});

export const setupSchema = z
	.object({
		organisation: z.string().trim().min(1, 'Enter your organisation’s name').max(120, 'Use at most 120 characters'),
		name: z.string().trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters'),
		email: emailField,
		time_zone: timeZoneField,
		password: newPassword,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match' });
