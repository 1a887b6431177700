import { z } from 'zod';
import { m } from '../paraglide/messages';

/**
 * What a person chooses about notifications: an email mode per category (the account category is
 * not theirs to choose), when digests come, and quiet hours. Shared by the settings page and its
 * action; messages are read when the input is checked, in the person's language.
 */

const mode = z.enum(['immediate', 'daily', 'weekly', 'off'], { error: () => m.notify_settings_mode_invalid() });
const clock = (message: () => string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: message });
const optionalClock = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.pipe(clock(() => m.notify_settings_time_invalid()).nullable());

export const notificationSettingsSchema = z
	.object({
		learning: mode,
		buddies: mode,
		shadowing: mode,
		sessions: mode,
		measure: mode,
		digest_time: clock(() => m.notify_settings_time_invalid()),
		digest_weekday: z.coerce
			.number({ error: () => m.notify_settings_weekday_invalid() })
			.int({ error: () => m.notify_settings_weekday_invalid() })
			.min(1, { error: () => m.notify_settings_weekday_invalid() })
			.max(7, { error: () => m.notify_settings_weekday_invalid() }),
		quiet_from: optionalClock,
		quiet_until: optionalClock,
		sign_in_emails: z
			.string()
			.optional()
			.transform((v) => v === 'on')
	})
	.superRefine((value, ctx) => {
		if ((value.quiet_from === null) !== (value.quiet_until === null)) {
			const missing = value.quiet_from === null ? 'quiet_from' : 'quiet_until';
			ctx.addIssue({ code: 'custom', path: [missing], message: m.notify_settings_quiet_both() });
		} else if (value.quiet_from !== null && value.quiet_from === value.quiet_until) {
			ctx.addIssue({ code: 'custom', path: ['quiet_until'], message: m.notify_settings_quiet_same() });
		}
	});

export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
