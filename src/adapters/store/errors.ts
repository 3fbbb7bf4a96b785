/** Errors the store raises for expected conditions; adapters map them (HTTP: 404, 409). */

export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} "${id}" does not exist`);
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
  }
}
