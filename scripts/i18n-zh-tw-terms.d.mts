export declare const ZH_TW_REWRITES: ReadonlyArray<readonly [string, string]>;
export declare function toTaiwanTerms(text: string): string;
