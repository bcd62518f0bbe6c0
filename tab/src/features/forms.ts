/** Field errors by path for <Field validationMessage>, from zod issues or a problem's `errors[]`; `_` holds the summary. */
export function fieldErrors(errors: { path: string; message: string }[], detail?: string): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const e of errors) byPath[e.path || '_'] ??= e.message;
  if (detail && errors.length === 0) byPath._ = detail;
  return byPath;
}
