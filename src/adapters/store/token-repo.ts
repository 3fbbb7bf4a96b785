/** API tokens with viewer or editor roles; only a SHA-256 hash of each token is stored. */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CoreDatabase } from './database.js';

export type TokenRole = 'viewer' | 'editor';

export interface TokenRepository {
  /** Creates a token and returns its secret once; the store keeps only the hash. */
  create(role: TokenRole, label?: string): Promise<{ id: string; role: TokenRole; token: string }>;
  /** The role of a presented token, or undefined when unknown. */
  verify(token: string): Promise<TokenRole | undefined>;
  count(): Promise<number>;
}

// Tokens are 32 random bytes, so a fast hash is enough: there is nothing to brute-force from the hash.
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createTokenRepository(db: Kysely<CoreDatabase>, now: () => string): TokenRepository {
  return {
    async create(role, label) {
      const token = `rl_${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      await db
        .insertInto('api_tokens')
        .values({
          id,
          role,
          hash: hashToken(token),
          label: label ?? null,
          created_at: now(),
          last_used_at: null,
        })
        .execute();
      return { id, role, token };
    },
    async verify(token) {
      if (token.length > 200) return undefined;
      const hash = hashToken(token);
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'role', 'hash'])
        .where('hash', '=', hash)
        .executeTakeFirst();
      if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return undefined;
      await db.updateTable('api_tokens').set({ last_used_at: now() }).where('id', '=', row.id).execute();
      return row.role === 'editor' ? 'editor' : 'viewer';
    },
    async count() {
      const r = await db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
