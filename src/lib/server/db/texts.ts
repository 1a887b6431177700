import { sql, type RawBuilder } from 'kysely';
import { getLocale } from '../../paraglide/runtime';
import type { Locale } from '../../i18n/locales';

/**
 * Texts that admins write per language (issue 16): the behaviour framework's names, descriptions and
 * level descriptions, and metric names, descriptions and units. Each lives in a texts table with a
 * row per language; a reader gets their own language, else the organisation's default language,
 * else English, else whichever language the text exists in. Every owner has at least one text row.
 */
export const textTables = {
	behaviour_value_texts: { owner: 'value_id', columns: ['name', 'description'] },
	behaviour_texts: { owner: 'behaviour_id', columns: ['label', 'description'] },
	behaviour_version_texts: {
		owner: 'version_id',
		columns: ['anchor_1', 'anchor_2', 'anchor_3', 'anchor_4', 'anchor_5']
	},
	metric_texts: { owner: 'metric_id', columns: ['name', 'description', 'unit'] }
} as const;

export type TextTable = keyof typeof textTables;
export type TextColumn<T extends TextTable> = (typeof textTables)[T]['columns'][number] | 'locale';

/** Orders a texts table's rows (aliased `t`) best language first for a reader of `locale`. */
function preference(locale: Locale): RawBuilder<number> {
	return sql<number>`case
		when t.locale = ${locale} then 0
		when t.locale = (select value from app_meta where key = 'default_locale') then 1
		when t.locale = 'en' then 2
		else 3 end, t.locale`;
}

/**
 * One text column of the row `ownerRef` points at (`'behaviours.id'`), in the reader's best language,
 * as an expression to select or order by: `.select(textOf('behaviour_texts', 'label', 'behaviours.id').as('label'))`.
 * Selecting `'locale'` tells which language that is.
 */
export function textOf<T extends TextTable>(
	table: T,
	column: TextColumn<T>,
	ownerRef: string,
	locale: Locale = getLocale()
): RawBuilder<string> {
	const owner = textTables[table].owner;
	return sql<string>`(select ${sql.ref(`t.${column}`)} from ${sql.table(table)} as t
		where ${sql.ref(`t.${owner}`)} = ${sql.ref(ownerRef)}
		order by ${preference(locale)} limit 1)`;
}

/** A value's name and description, to spread into a select list of a query over `behaviour_values`. */
export function valueTexts(ownerRef = 'behaviour_values.id', locale?: Locale) {
	return [
		textOf('behaviour_value_texts', 'name', ownerRef, locale).as('name'),
		textOf('behaviour_value_texts', 'description', ownerRef, locale).as('description')
	] as const;
}

/** A behaviour's label and description. */
export function behaviourTexts(ownerRef = 'behaviours.id', locale?: Locale) {
	return [
		textOf('behaviour_texts', 'label', ownerRef, locale).as('label'),
		textOf('behaviour_texts', 'description', ownerRef, locale).as('description')
	] as const;
}

/** A metric's name, description and unit. */
export function metricTexts(ownerRef = 'metrics.id', locale?: Locale) {
	return [
		textOf('metric_texts', 'name', ownerRef, locale).as('name'),
		textOf('metric_texts', 'description', ownerRef, locale).as('description'),
		textOf('metric_texts', 'unit', ownerRef, locale).as('unit')
	] as const;
}

/** A scale's five level descriptions. */
export function anchorTexts(ownerRef = 'behaviour_versions.id', locale?: Locale) {
	const anchor = <C extends `anchor_${1 | 2 | 3 | 4 | 5}`>(column: C) =>
		textOf('behaviour_version_texts', column, ownerRef, locale).as(column);
	return [anchor('anchor_1'), anchor('anchor_2'), anchor('anchor_3'), anchor('anchor_4'), anchor('anchor_5')] as const;
}

/** The level description a rating at `levelRef` points to on the scale `versionRef`, in the reader's language. */
export function anchorAtLevel(versionRef: string, levelRef: string, locale: Locale = getLocale()): RawBuilder<string> {
	return sql<string>`(select case ${sql.ref(levelRef)}
			when 1 then t.anchor_1 when 2 then t.anchor_2 when 3 then t.anchor_3 when 4 then t.anchor_4 when 5 then t.anchor_5
			else '' end
		from behaviour_version_texts as t where t.version_id = ${sql.ref(versionRef)}
		order by ${preference(locale)} limit 1)`;
}
