/** A stored ISO time as a reader expects it: 2025-03-01 14:05, local time. */
export function formatReviewTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}`
  );
}

/** The first characters of a hash, enough to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 16);
}
