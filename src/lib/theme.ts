import { z } from 'zod';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export function themeFromCookie(value: string | undefined): Theme {
	return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** The theme switch: the choice and the page to go back to (made safe by the server). */
export const themeChoiceSchema = z.object({ theme: z.string().max(20), return: z.string().max(2000) });
