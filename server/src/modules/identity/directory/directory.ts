/** The directory port's refusals (the port itself is in `../ports.ts`); every adapter throws these. */

export class DirectoryConflict extends Error {
  override name = 'DirectoryConflict';
}

export class DirectoryAccountNotFound extends Error {
  override name = 'DirectoryAccountNotFound';
}
