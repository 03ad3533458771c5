/** A LIKE pattern matching strings that start with `prefix` literally: %, _ and \ lose their meaning. */
export const startsWithPattern = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
