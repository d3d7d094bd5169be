/** Path of a runnable Electron binary, or null where none is installed. */
export function findElectronBinary(root: string): string | null;
/** Path of the Electron stand-in test fixture's launcher. */
export function standinBinary(root: string): string;
