/**
 * The form in which an email identifies an account: without surrounding spaces, lower-cased.
 * Two sign-ups whose emails differ only in case are the same person.
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
