import type { Kysely } from 'kysely';
import { defaultFramework } from './default-framework';
import { defaultFrameworkTranslations } from './default-framework-translations';

// Frozen once shipped: later changes get a migration of their own.

/**
 * The behaviour framework and metric definitions in every language (issue 16). Their names,
 * descriptions, units and anchored level descriptions move out of their rows into one texts table
 * each, a row per language, so an admin can write them in English, Dutch and Chinese. A reader gets
 * their own language, else the organisation's default, else English, else whichever exists.
 *
 * The texts already written move across as the organisation's default language, except those still
 * exactly as the install shipped them, which are English; those also get the shipped Dutch and
 * Chinese. A text an admin has changed gets no translation: the shipped one would say something else.
 */

const locales = ['nl', 'zh-CN'] as const;

/** The experience metrics every install starts with (2026-11-22T2200-measure), in each language. */
const experienceMetricTexts: Record<
	string,
	Record<'en' | (typeof locales)[number], { name: string; description: string; unit: string }>
> = {
	case_net_score: {
		en: {
			name: 'Internal customer net score',
			description: 'Share of case-feedback scores of 9 or 10 minus the share of 0 to 6, in points.',
			unit: 'points'
		},
		nl: {
			name: 'Nettoscore van interne klanten',
			description:
				'Het aandeel scores van 9 of 10 in de feedback per zaak, min het aandeel van 0 tot en met 6, in punten.',
			unit: 'punten'
		},
		'zh-CN': {
			name: '内部客户净得分',
			description: '工单反馈中9分和10分所占比例减去0至6分所占比例，单位为分。',
			unit: '分'
		}
	},
	case_average: {
		en: { name: 'Average case score', description: 'Mean case-feedback score, 0 to 10.', unit: 'score' },
		nl: {
			name: 'Gemiddelde score per zaak',
			description: 'Gemiddelde score in de feedback per zaak, van 0 tot 10.',
			unit: 'score'
		},
		'zh-CN': { name: '工单平均分', description: '工单反馈的平均分，0至10分。', unit: '分' }
	},
	case_responses: {
		en: {
			name: 'Case-feedback responses',
			description: 'How many internal customers answered a feedback link.',
			unit: 'responses'
		},
		nl: {
			name: 'Reacties op feedback per zaak',
			description: 'Hoeveel interne klanten een feedbacklink hebben beantwoord.',
			unit: 'reacties'
		},
		'zh-CN': { name: '工单反馈数', description: '通过反馈链接作答的内部客户人数。', unit: '条' }
	}
};

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('behaviour_value_texts')
		.addColumn('value_id', 'text', (c) => c.notNull().references('behaviour_values.id').onDelete('cascade'))
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('behaviour_value_texts_pk', ['value_id', 'locale'])
		.execute();
	await db.schema
		.createTable('behaviour_texts')
		.addColumn('behaviour_id', 'text', (c) => c.notNull().references('behaviours.id').onDelete('cascade'))
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('behaviour_texts_pk', ['behaviour_id', 'locale'])
		.execute();
	await db.schema
		.createTable('behaviour_version_texts')
		.addColumn('version_id', 'text', (c) => c.notNull().references('behaviour_versions.id').onDelete('cascade'))
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('anchor_1', 'text', (c) => c.notNull())
		.addColumn('anchor_2', 'text', (c) => c.notNull())
		.addColumn('anchor_3', 'text', (c) => c.notNull())
		.addColumn('anchor_4', 'text', (c) => c.notNull())
		.addColumn('anchor_5', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('behaviour_version_texts_pk', ['version_id', 'locale'])
		.execute();
	await db.schema
		.createTable('metric_texts')
		.addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('metric_texts_pk', ['metric_id', 'locale'])
		.execute();

	const setting = await db
		.selectFrom('app_meta')
		.select('value')
		.where('key', '=', 'default_locale')
		.executeTakeFirst();
	const organisationLocale: string = setting?.value ?? 'en';

	const shippedValues = new Map(defaultFramework.map((v) => [`value-${v.slug}`, v]));
	const shippedBehaviours = new Map(
		defaultFramework.flatMap((v) => v.behaviours.map((b) => [`behaviour-${b.slug}`, b] as const))
	);

	for (const row of await db.selectFrom('behaviour_values').select(['id', 'name', 'description']).execute()) {
		const shipped = shippedValues.get(row.id);
		const untouched = shipped && shipped.name === row.name && shipped.description === row.description;
		await db
			.insertInto('behaviour_value_texts')
			.values({
				value_id: row.id,
				locale: untouched ? 'en' : organisationLocale,
				name: row.name,
				description: row.description
			})
			.execute();
		if (!untouched) continue;
		for (const locale of locales) {
			const text = defaultFrameworkTranslations[locale].values[shipped.slug];
			if (!text) continue;
			await db
				.insertInto('behaviour_value_texts')
				.values({ value_id: row.id, locale, name: text.name, description: text.description })
				.execute();
		}
	}

	for (const row of await db.selectFrom('behaviours').select(['id', 'label', 'description']).execute()) {
		const shipped = shippedBehaviours.get(row.id);
		const untouched = shipped && shipped.label === row.label && shipped.description === row.description;
		await db
			.insertInto('behaviour_texts')
			.values({
				behaviour_id: row.id,
				locale: untouched ? 'en' : organisationLocale,
				label: row.label,
				description: row.description
			})
			.execute();
		if (!untouched) continue;
		for (const locale of locales) {
			const text = defaultFrameworkTranslations[locale].behaviours[shipped.slug];
			if (!text) continue;
			await db
				.insertInto('behaviour_texts')
				.values({ behaviour_id: row.id, locale, label: text.label, description: text.description })
				.execute();
		}
	}

	const versions = await db
		.selectFrom('behaviour_versions')
		.select(['id', 'behaviour_id', 'version', 'anchor_1', 'anchor_2', 'anchor_3', 'anchor_4', 'anchor_5'])
		.execute();
	for (const row of versions) {
		const anchors = [row.anchor_1, row.anchor_2, row.anchor_3, row.anchor_4, row.anchor_5] as string[];
		const shipped = row.version === 1 ? shippedBehaviours.get(row.behaviour_id) : undefined;
		const untouched = shipped !== undefined && same(shipped.anchors, anchors);
		await db
			.insertInto('behaviour_version_texts')
			.values({
				version_id: row.id,
				locale: untouched ? 'en' : organisationLocale,
				anchor_1: row.anchor_1,
				anchor_2: row.anchor_2,
				anchor_3: row.anchor_3,
				anchor_4: row.anchor_4,
				anchor_5: row.anchor_5
			})
			.execute();
		if (!untouched) continue;
		for (const locale of locales) {
			const text = defaultFrameworkTranslations[locale].behaviours[shipped.slug];
			if (!text) continue;
			const [anchor_1, anchor_2, anchor_3, anchor_4, anchor_5] = text.anchors;
			await db
				.insertInto('behaviour_version_texts')
				.values({ version_id: row.id, locale, anchor_1, anchor_2, anchor_3, anchor_4, anchor_5 })
				.execute();
		}
	}

	for (const row of await db.selectFrom('metrics').select(['id', 'key', 'name', 'description', 'unit']).execute()) {
		const shipped = row.id === `metric-${row.key}` ? experienceMetricTexts[row.key] : undefined;
		const untouched =
			shipped !== undefined &&
			shipped.en.name === row.name &&
			shipped.en.description === row.description &&
			shipped.en.unit === row.unit;
		await db
			.insertInto('metric_texts')
			.values({
				metric_id: row.id,
				locale: untouched ? 'en' : organisationLocale,
				name: row.name,
				description: row.description,
				unit: row.unit
			})
			.execute();
		if (!untouched) continue;
		for (const locale of locales) {
			await db
				.insertInto('metric_texts')
				.values({ metric_id: row.id, locale, ...shipped[locale] })
				.execute();
		}
	}

	for (const [table, columns] of movedColumns) {
		for (const column of columns) await db.schema.alterTable(table).dropColumn(column).execute();
	}
}

const movedColumns = [
	['behaviour_values', ['name', 'description']],
	['behaviours', ['label', 'description']],
	['behaviour_versions', ['anchor_1', 'anchor_2', 'anchor_3', 'anchor_4', 'anchor_5']],
	['metrics', ['name', 'description', 'unit']]
] as const;

/** Back to one text per row: the organisation's default language where there is one, else English, else any. */
export async function down(db: Kysely<any>): Promise<void> {
	const setting = await db
		.selectFrom('app_meta')
		.select('value')
		.where('key', '=', 'default_locale')
		.executeTakeFirst();
	const preferred = [setting?.value ?? 'en', 'en'];
	const best = <T extends { locale: string }>(rows: T[]) =>
		[...rows].sort((a, b) => rank(a.locale) - rank(b.locale) || (a.locale < b.locale ? -1 : 1))[0];
	const rank = (locale: string) => {
		const i = preferred.indexOf(locale);
		return i === -1 ? preferred.length : i;
	};

	for (const [table, columns] of movedColumns) {
		for (const column of columns)
			await db.schema
				.alterTable(table)
				.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
				.execute();
	}
	const restore = async (texts: string, owner: string, table: string, columns: readonly string[]) => {
		const byOwner = new Map<string, { locale: string }[]>();
		for (const row of await db.selectFrom(texts).selectAll().execute())
			byOwner.set(row[owner], [...(byOwner.get(row[owner]) ?? []), row as { locale: string }]);
		for (const [id, group] of byOwner) {
			const text = best(group) as unknown as Record<string, string>;
			await db
				.updateTable(table)
				.set(Object.fromEntries(columns.map((c) => [c, text[c]])))
				.where('id', '=', id)
				.execute();
		}
		await db.schema.dropTable(texts).execute();
	};
	await restore('behaviour_value_texts', 'value_id', 'behaviour_values', movedColumns[0][1]);
	await restore('behaviour_texts', 'behaviour_id', 'behaviours', movedColumns[1][1]);
	await restore('behaviour_version_texts', 'version_id', 'behaviour_versions', movedColumns[2][1]);
	await restore('metric_texts', 'metric_id', 'metrics', movedColumns[3][1]);
}
