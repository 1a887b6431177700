import type { NotificationSettingsInput } from '../../schemas/notifications';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { EmailMode, NotificationCategory } from '../db/schema';
import { categorySettings, choicesOf, saveChoices, saveSettings, setChoice, settingsOf } from './queries';
import { ALWAYS_IMMEDIATE, categories, DEFAULT_MODES, DEFAULT_SETTINGS } from './rules';

/**
 * What a person chose about notifications, as their settings page shows it, and saving it. A
 * category the organisation turned off is not offered; the account category is shown, fixed.
 */

export interface CategoryChoice {
	category: NotificationCategory;
	mode: EmailMode;
	/** The organisation's default, which applies while the person has not chosen. */
	organisationDefault: EmailMode;
	chosen: boolean;
	fixed: boolean;
}

export async function organisationDefaults(database: Db) {
	const rows = await categorySettings(database);
	const own = new Map(rows.map((r) => [r.category, r]));
	return categories.map((category) => ({
		category,
		enabled: category === ALWAYS_IMMEDIATE || (own.get(category)?.enabled ?? 1) === 1,
		mode: own.get(category)?.default_mode ?? DEFAULT_MODES[category]
	}));
}

export async function preferencesOf(database: Db, personId: string) {
	const [defaults, choices, [settings]] = await Promise.all([
		organisationDefaults(database),
		choicesOf(database, [personId]),
		settingsOf(database, [personId])
	]);
	const chosen = new Map(choices.map((c) => [c.category, c.mode]));
	const offered: CategoryChoice[] = defaults
		.filter((d) => d.enabled)
		.map((d) => ({
			category: d.category,
			mode: d.category === ALWAYS_IMMEDIATE ? 'immediate' : (chosen.get(d.category) ?? d.mode),
			organisationDefault: d.mode,
			chosen: chosen.has(d.category),
			fixed: d.category === ALWAYS_IMMEDIATE
		}));
	const own = settings ?? { ...DEFAULT_SETTINGS, person_id: personId };
	return {
		categories: offered,
		settings: {
			digest_time: own.digest_time,
			digest_weekday: own.digest_weekday,
			quiet_from: own.quiet_from,
			quiet_until: own.quiet_until,
			sign_in_emails: own.sign_in_emails === 1
		}
	};
}

/**
 * Saves the whole settings form at once. A category left at the organisation's default is stored
 * as no choice, so a later change of the default reaches the person.
 */
export async function savePreferences(
	database: Db,
	actor: Actor,
	input: NotificationSettingsInput,
	now: Date
): Promise<void> {
	const defaults = await organisationDefaults(database);
	const choices = defaults
		.filter((d) => d.category !== ALWAYS_IMMEDIATE && d.enabled)
		.map((d) => ({
			category: d.category,
			mode: input[d.category as Exclude<NotificationCategory, 'account'>],
			was: d.mode
		}))
		.filter((c) => c.mode !== c.was)
		.map(({ category, mode }) => ({ category, mode }));
	await database.transaction().execute(async (trx) => {
		await saveChoices(trx, actor.id, choices);
		await saveSettings(trx, {
			person_id: actor.id,
			digest_time: input.digest_time,
			digest_weekday: input.digest_weekday,
			quiet_from: input.quiet_from,
			quiet_until: input.quiet_until,
			sign_in_emails: input.sign_in_emails ? 1 : 0,
			updated_at: now.toISOString()
		});
	});
}

/** The one thing an unsubscribe link does: that person's emails of that category stop. */
export async function stopEmails(database: Db, personId: string, category: NotificationCategory): Promise<void> {
	if (category === ALWAYS_IMMEDIATE) return;
	await setChoice(database, personId, category, 'off');
}
