import type { FieldErrors } from './forms';

/** What a domain operation returns: success with its data, or messages for the form. */
export type ServiceResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export function rejected(errors: FieldErrors): { ok: false; errors: FieldErrors } {
	return { ok: false, errors };
}
