// Checks for the identifiers a reference may carry.

/** A DOI: "10." + registrant code + "/" + suffix (Crossref's recommended pattern, slightly widened). */
export function isValidDoi(doi: string): boolean {
  return /^10\.\d{4,9}\/[^\s]+$/.test(doi);
}

/** ISBN-10 or ISBN-13 with a correct check digit; hyphens and spaces are ignored. */
export function isValidIsbn(isbn: string): boolean {
  const s = isbn.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{13}$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(s[i]) * (i % 2 === 0 ? 1 : 3);
    return (10 - (sum % 10)) % 10 === Number(s[12]);
  }
  if (/^\d{9}[\dX]$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (s[i] === 'X' ? 10 : Number(s[i])) * (10 - i);
    return sum % 11 === 0;
  }
  return false;
}
