export type WholeNumberParse = { value: number; error?: undefined } | { value?: undefined; error: string };

/** A count typed in a box ("12", or "-3" when `min` allows it) as an integer, or why it is not one. */
export function parseWholeNumber(
  input: string,
  label: string,
  { min = 0, max }: { min?: number; max?: number } = {},
): WholeNumberParse {
  const text = input.trim();
  if (text === '') return { error: `${label} is required.` };
  if (!/^-?\d+$/.test(text)) return { error: `${label} must be a whole number.` };
  const value = Number(text);
  if (value < min) return { error: `${label} must be at least ${min}.` };
  if (max !== undefined && value > max) return { error: `${label} must be at most ${max}.` };
  return { value };
}
