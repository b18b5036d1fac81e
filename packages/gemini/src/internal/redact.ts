/** Placeholder that replaces a secret in any text this package produces. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret in `text` (and of its URL-encoded form) with
 * {@link REDACTED}. Secrets shorter than 4 characters are ignored (they would redact noise).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    result = result.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join(REDACTED);
  }
  return result;
}
