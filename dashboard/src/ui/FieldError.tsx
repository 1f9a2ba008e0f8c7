/**
 * A form field's error, shown beside it, and the attributes that tie the field to it (a screen
 * reader reads the error with the field, and announces it when it appears).
 */
export function invalidProps(id: string, error: string | null | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <small id={`${id}-error`} className="field-error" role="alert">
      {error}
    </small>
  );
}
