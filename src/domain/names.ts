/** Lower case, accents removed, punctuation folded to spaces: the form names are compared in. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** URL-safe kebab-case slug of a name: "Tomás Garibay Luna" -> "tomas-garibay-luna". */
export function slugify(name: string): string {
  return foldName(name).replace(/\s+/g, '-');
}
