/**
 * An error a handler, store or vault raises on purpose: it reaches the caller as
 * `{code, message, field}` (electron/core/handlers/dispatch.ts turns it into data). It lives
 * apart from dispatch so that stores and vaults need not import the transport to throw.
 */
export class CallFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
