# syntax=docker/dockerfile:1
# Pandu's production image: compiled JavaScript on Node 20, production dependencies only, run as
# the unprivileged `node` user. Build: `docker build -t pandu .` (docker compose does it for you).
ARG NODE_IMAGE=node:20-bookworm-slim

# ── Build: every dependency, then `tsc` to dist/ ─────────────────────────────
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY .vendor ./.vendor
# --ignore-scripts: `prepare` would build before the sources are here; the build is the next step.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && rm -f dist/tsconfig.tsbuildinfo

# ── Runtime: production dependencies, the build, the data files ──────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY .vendor ./.vendor
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY flows ./flows
COPY locales ./locales
# `pandu` on the PATH for `docker compose exec pandu pandu org invite <person-id>`.
RUN chmod 0755 dist/cli/main.js && ln -s /app/dist/cli/main.js /usr/local/bin/pandu
# The files above stay root's: the service can read them and change none of them.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# The same Node options as `npm start` (package.json); a test keeps the two the same.
CMD ["node", "--max-semi-space-size=4", "dist/main.js"]
