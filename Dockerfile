# The GraphQL server alone, compiled; Neo4j comes from NEO4J_URI (see docker-compose.yml).
#   docker build -t officials-kg .
#   docker run -e NEO4J_URI=bolt://db:7687 -e NEO4J_USER=neo4j -e NEO4J_PASSWORD=... -p 4000:4000 officials-kg

# Build: every dependency, TypeScript compiled into dist/ (tsconfig.build.json).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Run: runtime dependencies, dist/ and the files it reads beside it (cypher/, schema/, data/
# resolve from dist/ as from src/, two levels up). tini as PID 1 forwards SIGTERM to node, which
# stops the server cleanly, and reaps child processes.
FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
COPY schema ./schema
COPY data ./data
USER node
EXPOSE 4000
# Ready means the API answers and Neo4j with it (GET /ready: 200, else 503). The slim image has
# no curl or wget: node's fetch asks. The start period covers migrations and the first seed load.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/cli/kg.js", "serve"]
