// The response cache (src/api/response-cache.ts): one entry per key, and entries found oldest
// first when the cache holds more than it may.
CREATE CONSTRAINT cached_response_key IF NOT EXISTS FOR (c:CachedResponse) REQUIRE c.key IS UNIQUE;
CREATE RANGE INDEX cached_response_at IF NOT EXISTS FOR (c:CachedResponse) ON (c.at);
