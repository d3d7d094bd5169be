import { config } from 'zod';

/**
 * The CSP forbids eval. zod's object schemas probe `new Function` when they
 * are *built* (at import of the contract), and a strict CSP reports that
 * probe as a violation even though zod swallows the error. This module must
 * therefore be the first import of each renderer entry.
 */
config({ jitless: true });
