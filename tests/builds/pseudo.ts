/**
 * The pseudo-locale (issue 16): every message of the English catalogue, visibly transformed, so a
 * page rendered with it shows at a glance, and to a test, which text did not come from messages.
 * Letters take accents (the text stays readable and a little longer, as translations are) and each
 * message is fenced in ⟦ ⟧. Placeholders ({name}) and the structure of plural variants are kept.
 */

export const OPEN = '⟦';
export const CLOSE = '⟧';

const accented: Record<string, string> = Object.fromEntries(
	[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
		letter,
		[...'áƀçđéƒĝĥíĵķļɱñóƥʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĻṀÑÓƤꝐŔŠŢÚṼŴẊÝŽ'][i]!
	])
);

/** One text: letters accented outside placeholders, fenced. */
export function pseudoText(text: string): string {
	const parts = text.split(/(\{[^}]*\})/);
	const body = parts
		.map((part) => (part.startsWith('{') ? part : [...part].map((c) => accented[c] ?? c).join('')))
		.join('');
	return `${OPEN}${body}${CLOSE}`;
}

type Variant = { declarations?: string[]; selectors?: string[]; match: Record<string, string> };
type Message = string | Variant[];

/** A message file's messages, each transformed (the `$schema` line kept). */
export function pseudoMessages(file: Record<string, Message>): Record<string, Message> {
	return Object.fromEntries(
		Object.entries(file).map(([key, message]) => {
			if (key === '$schema') return [key, message];
			if (typeof message === 'string') return [key, pseudoText(message)];
			return [
				key,
				message.map((variant) => ({
					...variant,
					match: Object.fromEntries(Object.entries(variant.match).map(([when, text]) => [when, pseudoText(text)]))
				}))
			];
		})
	);
}
