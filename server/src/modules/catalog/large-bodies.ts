/**
 * The catalog's routes whose bodies are larger than any JSON the API takes, with their limits, under
 * the router's mount point. The one list: the composition root raises the server's body limit for
 * them (server/src/app.ts), and the CloudFront web ACL scopes its body rules around them
 * (infra/lib/constructs/waf.ts reads this file directly, so it imports nothing: CDK loads it without
 * the server's dependencies).
 */

/** The largest CSV the import takes. */
const maxImportBytes = 16 * 1024 * 1024;
export const importProductsPath = '/staff/products/import';

export const catalogLargeBodies: Readonly<Record<string, number>> = { [importProductsPath]: maxImportBytes };
