import { z } from 'zod';
import { m } from '../paraglide/messages';

/** The organisation's notification defaults, as the admin's form sends them. */
const mode = z.enum(['immediate', 'daily', 'weekly', 'off'], { error: () => m.notify_settings_mode_invalid() });
const enabled = z
	.string()
	.optional()
	.transform((v) => v === 'on');

export const notificationDefaultsSchema = z.object({
	learning_mode: mode,
	learning_enabled: enabled,
	buddies_mode: mode,
	buddies_enabled: enabled,
	shadowing_mode: mode,
	shadowing_enabled: enabled,
	sessions_mode: mode,
	sessions_enabled: enabled,
	measure_mode: mode,
	measure_enabled: enabled
});
