export declare function entrySets(prefilter: RegExp): { events: { head: string; lines: string[] }[]; noise: { head: string; lines: string[] }[] };
export declare function writeGuestLog(opts: { file: string; sizeMb: number; density: number; prefilter: RegExp }): { bytes: number; lines: number; eventLines: number };
