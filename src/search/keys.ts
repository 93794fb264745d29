// Names the kinds of index key, so the index builder that writes keys and the query parser
// that asks for them spell them the same way.

/**
 * Key prefixes. A key is the prefix and its text; pairs are written without a separator for
 * characters and initials (发票, fp) and with a space for syllables (fa piao).
 */
export const KEY = {
  word: "w:",
  char: "c:",
  charPair: "b:",
  syllable: "p:",
  syllablePair: "q:",
  initialPair: "i:",
} as const;
