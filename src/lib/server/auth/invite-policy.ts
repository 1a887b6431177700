/** Invitation links: one use, seven days. Pure; the caller passes `now`. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteStatus = 'valid' | 'used' | 'expired';

export function inviteExpiry(createdAt: Date): Date {
	return new Date(createdAt.getTime() + INVITE_TTL_MS);
}

export function inviteStatus(invite: { expires_at: string; used_at: string | null }, now: Date): InviteStatus {
	if (invite.used_at !== null) return 'used';
	if (now.getTime() >= Date.parse(invite.expires_at)) return 'expired';
	return 'valid';
}
