/** A refusal the user should read (not a bug): routers turn it into a tRPC error with the same message. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'NOT_FOUND' | 'LOCKED' | 'INVALID' | 'CONFLICT' | 'FORBIDDEN',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
