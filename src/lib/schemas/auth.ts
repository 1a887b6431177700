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
	// May be empty: an email whose domain signs in with a company account needs no password (the
	// action asks for one only when it does).
	password: z.string().max(PASSWORD_MAX_LENGTH, { error: () => m.login_password_too_long() })
});

const newPassword = z
	.string()
	.min(PASSWORD_MIN_LENGTH, { error: () => m.password_too_short({ min: PASSWORD_MIN_LENGTH }) })
	.max(PASSWORD_MAX_LENGTH, { error: () => m.password_too_long({ max: PASSWORD_MAX_LENGTH }) });

export const setPasswordSchema = z
	.object({ password: newPassword, confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.password_mismatch() });

export const changePasswordSchema = z
	.object({
		current: z.string().min(1, { error: () => m.password_current_required() }),
		password: newPassword,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.password_mismatch() })
	.refine((v) => v.password !== v.current, {
		path: ['password'],
		error: () => m.password_same_as_current()
	});

export const setupSchema = z
	.object({
		organisation: z
			.string()
			.trim()
			.min(1, { error: () => m.setup_organisation_required() })
			.max(120, { error: () => m.setup_too_long() }),
		name: z
			.string()
			.trim()
			.min(1, { error: () => m.setup_your_name_required() })
			.max(120, { error: () => m.setup_too_long() }),
		email: emailField,
		time_zone: timeZoneField,
		password: newPassword,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.password_mismatch() });
