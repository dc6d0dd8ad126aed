import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { msSince } from './logging.js';
import type { Outcome, ServerMetrics } from './metrics.js';
import { currentRequest } from './request-id.js';

/** Longest operation name a log line carries (a name a client sends with a document that does not parse is arbitrary). */
const MAX_LOGGED_NAME = 128;

/** Response keys of the ingestDocument fields of a mutation (aliases included). */
function ingestKeys(operation: OperationDefinitionNode | undefined): string[] {
  if (operation?.operation !== 'mutation') return [];
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD && s.name.value === 'ingestDocument' ? [s.alias?.value ?? s.name.value] : []));
}

/** The code a client sees for an error (formatError gives every error one). */
const codeOf = (e: unknown) => String((e as { extensions?: { code?: unknown } } | null)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');

/**
 * One info line and the metrics of every GraphQL request, once its response is ready: request
 * id, operation name and type, duration since the request arrived, outcome (error: the response
 * carries errors) and the error codes the client sees. The names of the variables the operation
 * declares are logged, never their values, the query text or any header.
 *
 * A request refused before Apollo reads its operation (an unknown API key: its context cannot be
 * made; a malformed request) gets its line too, without operation. An ingestDocument field that
 * failed counts as an ingest failure, by code; what ingestion wrote is counted by the resolver,
 * through the context's `ingested`.
 */
export function operationsPlugin(logger: Logger, metrics: ServerMetrics): ApolloServerPlugin {
  const elapsed = () => {
    const request = currentRequest();
    return { requestId: request?.requestId, durationMs: request ? msSince(request.startedAt) : 0 };
  };
  const refused = (error: Error) => {
    const { requestId, durationMs } = elapsed();
    metrics.requestRefused(durationMs / 1000);
    logger.info({ requestId, operationName: null, operationType: null, durationMs, outcome: 'error', errorCodes: [codeOf(error)], variableNames: [] }, 'graphql operation');
  };
  return {
    async contextCreationDidFail({ error }) {
      refused(error);
    },
    async invalidRequestWasReceived({ error }) {
      refused(error);
    },
    async requestDidStart() {
      return {
        async willSendResponse({ request, document, operation: resolved, response }) {
          const { requestId, durationMs } = elapsed();
          // a document that parsed but failed validation has no resolved operation: read it from the document
          const operation = resolved ?? (document ? (getOperationAST(document, request.operationName) ?? undefined) : undefined);
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const errors: readonly GraphQLFormattedError[] = result.errors ?? [];
          const outcome: Outcome = errors.length ? 'error' : 'ok';
          const name = (operation?.name?.value ?? request.operationName ?? null)?.slice(0, MAX_LOGGED_NAME) ?? null;
          metrics.operationDone(name, outcome, durationMs / 1000);
          const keys = ingestKeys(operation);
          for (const e of errors) if (e.path?.length === 1 && keys.includes(String(e.path[0]))) metrics.ingestFailed(codeOf(e));
          logger.info(
            {
              requestId,
              operationName: name,
              operationType: operation?.operation ?? null,
              durationMs,
              outcome,
              errorCodes: [...new Set(errors.map(codeOf))],
              variableNames: operation?.variableDefinitions?.map((v) => v.variable.name.value) ?? [],
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
