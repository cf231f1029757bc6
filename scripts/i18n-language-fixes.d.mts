export declare const LANGUAGE_FIXES: Record<string, ReadonlyArray<readonly [string | RegExp, string]>>;
export declare const PORTAL_LABELS: Record<string, Record<string, string>>;
export declare function applyFixes(lng: string, text: string): string;
export declare function withPortalLabels(lng: string, text: string): string;
export declare const FINDING_PORTAL_LABELS: Record<string, Record<string, string>>;
export declare function besideLocal(local: string, english: string): RegExp;
export declare function withLabelsBeside(lng: string, text: string, labels?: Record<string, Record<string, string>>): string;
