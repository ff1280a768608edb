# syntax=docker/dockerfile:1
# Kura server image: one image, three entry points (api, worker, migrate).
#   docker build -t kura-server .
#   docker run -p 8080:8080 --env-file .env kura-server               # API
#   docker run --env-file .env kura-server node dist/worker.mjs       # stock worker
#   docker run --env-file .env kura-server node dist/migrate.mjs      # migrations

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# Manifests first so the dependency layer is cached until they change.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
COPY infra/package.json infra/
RUN npm ci --workspace @kura/server --include-workspace-root=false --ignore-scripts --no-audit --no-fund
COPY server/ server/
RUN node server/build.mjs

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    TZ=Asia/Tokyo \
    NODE_OPTIONS=--enable-source-maps \
    DATABASE_CA_FILE=/app/dist/rds-ca-bundle.pem
WORKDIR /app
# Only the bundles (with sharp's native package in dist/node_modules, and the RDS CA
# bundle that DATABASE_CA_FILE names: Aurora's certificates chain to it) and the SQL
# migrations: no sources, no npm at run time.
COPY --from=build --chown=root:root /src/server/dist/ ./dist/
COPY --from=build --chown=root:root /src/server/drizzle/ ./drizzle/
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/api.mjs"]
