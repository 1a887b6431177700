export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export function themeFromCookie(value: string | undefined): Theme {
	return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
