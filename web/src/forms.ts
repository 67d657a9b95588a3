import type { FormInstance, FormRule } from 'antd';
import { ApiError } from './api';
import type { T } from './i18n';

/** What to show for a failure: the API's message (already Vietnamese), else the error's own text. */
export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The API's rule for a new password (at least 10 characters), checked before sending. */
export const newPasswordRules = (t: T): FormRule[] => [
  { required: true, message: t('required') },
  { min: 10, message: t('password.tooShort') },
];

/**
 * The API's field-level `details` beside the fields they name: `exemplarIds.0` belongs to
 * `exemplarIds`, and `rename` maps API fields onto form fields that hold several (validFrom → validity).
 * Returns the first field named, if any, for scrolling to it.
 */
export function showFieldErrors(
  form: FormInstance<any>,
  e: unknown,
  rename: Record<string, string> = {},
): string | undefined {
  if (!(e instanceof ApiError) || e.details.length === 0) return undefined;
  const fields = e.details.map((d) => {
    const name = d.field.split(/[.[]/)[0];
    return { name: rename[name] ?? name, errors: [d.message] };
  });
  form.setFields(fields);
  return fields[0].name;
}
