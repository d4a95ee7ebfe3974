import secureJson from 'secure-json-parse';

export const MAX_JSON_DEPTH = 32;

/** Deepest nesting of objects/arrays, ignoring brackets inside strings; stops early once past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return false;
}

export class JsonBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'INVALID_JSON';
}

/** Parses a request body, refusing prototype-poisoning keys and pathological nesting. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) return undefined;
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new JsonBodyError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const message = (error as Error).message.includes('prototype')
      ? 'JSON keys __proto__ and constructor are not allowed'
      : 'Body is not valid JSON';
    throw new JsonBodyError(message);
  }
}
